using System.CommandLine;
using System.Text.Json;
using ChatBot.Core;
using ChatBot.Core.Intents;
using Microsoft.ML;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatBot.Cli;

/// <summary>
/// <c>chatbot eval --intents</c>: 5-fold cross-validated per-intent precision/recall/F1, macro F1 and the confusion
/// matrix, printed and written (like <c>rasa test</c>) to artifacts/intent-eval/; then the classifier trained on
/// everything scored on the dev questions (held-out ones only with --holdout).
/// </summary>
internal static class IntentEvalCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Adds <c>--intents</c> to the <c>eval</c> command; without it the command does what it did.</summary>
    public static Command WithIntentEval(this Command eval)
    {
        var intents = new Option<bool>("--intents") { Description = "Evaluate the intent classifier (5-fold CV and the dev questions' intents)" };
        var output = new Option<string>("--intent-report") { Description = "Folder for intent_report.json, intent_errors.json and confusion_matrix.txt", DefaultValueFactory = _ => "artifacts/intent-eval" };
        eval.Options.Add(intents);
        eval.Options.Add(output);
        var inner = eval.Action;
        eval.SetAction((result, cancellationToken) =>
        {
            if (!result.GetValue(intents))
            {
                return inner is System.CommandLine.Invocation.AsynchronousCommandLineAction async
                    ? async.InvokeAsync(result, cancellationToken)
                    : Task.FromResult(inner is System.CommandLine.Invocation.SynchronousCommandLineAction sync ? sync.Invoke(result) : 0);
            }
            return CliErrors.Guard(() => RunAsync(result, output, cancellationToken));
        });
        return eval;
    }

    private static async Task<int> RunAsync(ParseResult result, Option<string> output, CancellationToken cancellationToken)
    {
        var rootOption = result.CommandResult.Command.Options.OfType<Option<string?>>().FirstOrDefault(o => o.Name == "--root");
        var paths = ChatBotPaths.Locate(rootOption is null ? null : result.GetValue(rootOption));
        var holdout = result.CommandResult.Command.Options.OfType<Option<bool>>().FirstOrDefault(o => o.Name == "--holdout") is { } h && result.GetValue(h);
        var data = IntentTrainingSource.Load(paths);
        var trained = new IntentTrainer().Train(data, cancellationToken: cancellationToken);
        var folder = Path.GetFullPath(Path.IsPathRooted(result.GetValue(output)!) ? result.GetValue(output)! : Path.Combine(paths.Root, result.GetValue(output)!));
        Directory.CreateDirectory(folder);
        foreach (var c in trained.Comparison)
        {
            Console.WriteLine($"{c.Trainer.Name,-40} 5-fold macro F1 {c.CrossValidation.MacroF1:0.000}  accuracy {c.CrossValidation.Accuracy:0.000}");
        }
        var best = trained.Comparison.First(c => c.Trainer == trained.Trainer).CrossValidation;
        Console.WriteLine($"\n5-fold cross-validation of {trained.Trainer.Name} on {data.DialogExamples.Count} dialog examples, near-duplicates kept in one fold (+{data.FactQuestions.Count} fact questions always in training):");
        Console.WriteLine(best.FormatTable());
        Console.WriteLine(best.FormatConfusion());
        await WriteAsync(folder, "cv", best, cancellationToken);

        var questions = DevQuestions(Path.Combine(paths.Root, "tests", "data", "questions.yaml"), holdout);
        if (questions.Count > 0)
        {
            var classifier = trained.Classifier();
            var dev = IntentReport.Create(data.Dialogs.Intents, questions.Select(q => ScoredUtterance.From(q.Q, q.Intent, classifier.Classify(q.Q))));
            Console.WriteLine($"{(holdout ? "held-out" : "dev")} questions ({questions.Count}), classifier trained on all data: macro F1 {dev.MacroF1:0.000}, accuracy {dev.Accuracy:0.000}");
            Console.WriteLine(dev.FormatTable());
            await WriteAsync(folder, holdout ? "holdout" : "dev", dev, cancellationToken);
        }
        Console.WriteLine($"reports: {folder}");
        return 0;
    }

    private static async Task WriteAsync(string folder, string set, IntentReport report, CancellationToken cancellationToken)
    {
        var summary = new
        {
            report.MacroF1,
            report.Accuracy,
            PerIntent = report.PerIntent.Where(m => m.Support > 0 || m.Predicted > 0).ToDictionary(m => m.Intent, m => new { m.Precision, m.Recall, m.F1, m.Support }),
        };
        await File.WriteAllTextAsync(Path.Combine(folder, $"{set}_intent_report.json"), JsonSerializer.Serialize(summary, Json), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, $"{set}_intent_errors.json"),
            JsonSerializer.Serialize(report.Errors.Select(e => new { e.Text, e.Expected, e.Predicted, e.Confidence }), Json), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, $"{set}_confusion_matrix.txt"), report.FormatConfusion(), cancellationToken);
    }

    private static List<DevQuestion> DevQuestions(string file, bool holdout)
    {
        if (!File.Exists(file))
        {
            return [];
        }
        var set = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).IgnoreUnmatchedProperties().Build()
            .Deserialize<QuestionFile>(File.ReadAllText(file));
        return [.. (set?.Questions ?? []).Where(q => !string.IsNullOrWhiteSpace(q.Q) && !string.IsNullOrWhiteSpace(q.Intent) && q.Holdout == holdout)];
    }

    private sealed class QuestionFile
    {
        public List<DevQuestion>? Questions { get; set; }
    }

    private sealed class DevQuestion
    {
        public string Q { get; set; } = "";
        public string Intent { get; set; } = "";
        public bool Holdout { get; set; }
    }
}
