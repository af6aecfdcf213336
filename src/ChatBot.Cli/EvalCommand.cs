using ChatBot.Core.Training;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ChatBot.Core;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Evaluation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Cli;

/// <summary>
/// <c>chatbot eval --questions tests/data/questions.yaml [--holdout]</c> (or a fresh set such as
/// <c>tests/data/fresh/tuning.yaml</c>): accuracy (the right fact cited), the out-of-scope refusal rate (near misses
/// apart), the confidently wrong answers, the conversations right at every turn and the misses of the whole brain
/// (intent router, dialogs, fact store), printed and written as JSON; <c>--calibrate</c> proposes thresholds;
/// <c>eval split</c> makes a fresh set's tuning and final halves.
/// </summary>
internal static class EvalCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Create()
    {
        var root = CliOptions.Root();
        var questions = new Option<string>("--questions") { Description = "The question set", DefaultValueFactory = _ => "tests/data/questions.yaml" };
        var holdout = new Option<bool>("--holdout") { Description = "Evaluate the held-out questions (look at them only at the end)" };
        var all = new Option<bool>("--all") { Description = "Evaluate dev and held-out questions together" };
        var report = new Option<string>("--report") { Description = "Where to write the JSON report", DefaultValueFactory = _ => "TestResults/eval-report.json" };
        var calibrate = new Option<bool>("--calibrate") { Description = "Sweep the confidence thresholds on the chosen questions and propose values" };
        var threshold = new Option<double?>("--threshold") { Description = "Override the answer model's threshold (to try a value; `chatbot train --target-wrong-rate` sets the model's)" };
        var passageThreshold = new Option<double?>("--passage-threshold") { Description = "Override the passage fallback threshold" };
        var final = new Option<bool>("--final") { Description = "Allow a fresh set's final half (it is run once, at the very end)" };
        var command = new Command("eval", "Evaluate the bot on a question set.") { root, questions, holdout, all, report, calibrate, threshold, passageThreshold, final };
        command.Subcommands.Add(FreshSplitCommand.Create());
        command.SetAction((result, cancellationToken) => CliErrors.Guard(async () =>
        {
            if (result.GetValue(holdout) && result.GetValue(all))
            {
                await Console.Error.WriteLineAsync("chatbot eval: use either --holdout or --all, not both.");
                return CliErrors.BadInput;
            }
            var paths = CliOptions.Paths(result, root);
            var file = Resolve(paths, result.GetValue(questions)!);
            string set;
            EvalSet chosen;
            if (FreshQuestionSet.IsFreshFormat(file))
            {
                if (result.GetValue(holdout) || result.GetValue(all))
                {
                    await Console.Error.WriteLineAsync($"chatbot eval: {file} is a fresh set, split into files (tuning.yaml, final.yaml); --holdout and --all are for the dev set.");
                    return CliErrors.BadInput;
                }
                if (FreshTrainingQuestions.IsFinalHalf(file) && !result.GetValue(final))
                {
                    await Console.Error.WriteLineAsync($"chatbot eval: {file} is a final half, to be run once at the very end; add --final to run it.");
                    return CliErrors.BadInput;
                }
                (set, chosen) = (FreshSetName(file), FreshQuestionSet.Load(file));
            }
            else
            {
                set = result.GetValue(all) ? "all" : result.GetValue(holdout) ? "holdout" : "dev";
                chosen = new EvalSet([.. DevQuestionSet.Load(file).Where(q => set == "all" || q.Holdout == (set == "holdout"))], []);
            }
            if (result.GetValue(calibrate))
            {
                await CalibrateAsync(paths, chosen.Questions, set, cancellationToken);
                return 0;
            }
            var services = Brain(paths, result.GetValue(threshold), result.GetValue(passageThreshold));
            var evaluator = new Evaluator(services.GetRequiredService<KnowledgeBase>());
            var run = await evaluator.RunAsync(services.GetRequiredService<IQuestionAnswerer>(), chosen, set, cancellationToken);
            var summary = run.Report;
            Print(summary);
            var judge = services.GetRequiredService<AnswerJudge>();
            var calibration = Calibration(judge, run.Outcomes);
            PrintCalibration(judge, calibration);
            var reportPath = Path.GetFullPath(result.GetValue(report)!);
            Directory.CreateDirectory(Path.GetDirectoryName(reportPath)!);
            await File.WriteAllTextAsync(reportPath, JsonSerializer.Serialize(
                new { summary.Accuracy, summary.RefusalRate, summary.ConfidentlyWrongRate, summary.ConversationRate, Calibration = calibration, Report = summary, Outcomes = run.Outcomes, Conversations = run.Conversations }, Json), cancellationToken);
            Console.WriteLine($"report: {reportPath}");
            return 0;
        }));
        return command;
    }

    /// <summary>
    /// The brain the host and <c>chatbot ask</c> use (intent router, then the fact store), with the host's
    /// appsettings.json, any threshold given on the command line, and no unanswered log: an eval is not a user.
    /// </summary>
    private static ServiceProvider Brain(ChatBotPaths paths, double? answerThreshold, double? passageThreshold)
    {
        var overrides = new Dictionary<string, string?>();
        if (answerThreshold is { } answer)
        {
            overrides[$"Retrieval:{nameof(RetrievalOptions.AnswerModelThreshold)}"] = answer.ToString(CultureInfo.InvariantCulture);
        }
        if (passageThreshold is { } passage)
        {
            overrides[$"Retrieval:{nameof(RetrievalOptions.PassageThreshold)}"] = passage.ToString(CultureInfo.InvariantCulture);
        }
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(paths.Root, "appsettings.json"), optional: true)
            .AddInMemoryCollection(overrides)
            .AddEnvironmentVariables()
            .Build();
        return new ServiceCollection().AddLogging().AddChatBotBrain(paths, configuration).BuildServiceProvider();
    }

    private static void Print(EvalReport report)
    {
        Console.WriteLine($"{report.Set}: {report.Questions} questions — accuracy {report.Accuracy:P1} ({report.Correct}/{report.Answerable}), " +
            $"out-of-scope refusal {report.RefusalRate:P1} ({report.Refused}/{report.OutOfScope}), {report.Conversational} conversational (not scored)");
        Console.WriteLine($"  near-miss refusal {(report.NearMisses == 0 ? "n/a (none marked)" : $"{report.NearMissRefusalRate:P1} ({report.NearMissesRefused}/{report.NearMisses})")}; " +
            $"confidently wrong {report.ConfidentlyWrongRate:P1} ({report.ConfidentlyWrong}/{report.Answerable + report.OutOfScope}); " +
            (report.Conversations == 0
                ? "conversations n/a (none in the set)"
                : $"conversations right at every turn {report.ConversationRate:P1} ({report.ConversationsRight}/{report.Conversations}; turns {report.TurnsRight}/{report.Turns}, {report.TurnsConfidentlyWrong} confidently wrong)"));
        if (report.CorrectStrictly != report.Correct || report.ConfidentlyWrongStrictly != report.ConfidentlyWrong || report.ConversationsRightStrictly != report.ConversationsRight)
        {
            Console.WriteLine($"  strictly, the writer's own place only (no 'also:'): accuracy {(double)report.CorrectStrictly / Math.Max(1, report.Answerable):P1} ({report.CorrectStrictly}/{report.Answerable}); " +
                $"confidently wrong {(double)report.ConfidentlyWrongStrictly / Math.Max(1, report.Answerable + report.OutOfScope):P1} ({report.ConfidentlyWrongStrictly}/{report.Answerable + report.OutOfScope}); " +
                $"conversations {report.ConversationsRightStrictly}/{report.Conversations}");
        }
        foreach (var problem in report.DataProblems)
        {
            Console.WriteLine($"  data problem: {problem}");
        }
        foreach (var (intent, score) in report.PerIntent)
        {
            Console.WriteLine($"  {intent,-28} {score.Correct,3}/{score.Questions,-3} {score.Accuracy,7:P1}");
        }
        foreach (var miss in report.Misses)
        {
            Console.WriteLine($"miss [{miss.Intent}] {(miss.After is null ? "" : $"(after \"{miss.After}\") ")}\"{miss.Question}\"");
            Console.WriteLine($"     expected {miss.Expected}");
            Console.WriteLine($"     got      {miss.Kind} {miss.Confidence:0.00}: {miss.Got}");
            Console.WriteLine($"     {miss.Miss}{(miss.ConfidentlyWrong ? ", confidently" : "")}");
        }
        foreach (var conversation in report.BrokenConversations)
        {
            var turn = conversation.BrokeAtTurn!.Value;
            var broke = conversation.Turns[turn - 1];
            Console.WriteLine($"conversation {conversation.Number} broke at turn {turn}/{conversation.Turns.Count} ({conversation.BrokeAtKind}): " +
                string.Join(" → ", conversation.Turns.Select(t => $"\"{t.Question}\"{(t.Right ? "" : " ✗")}")));
            Console.WriteLine($"     expected {broke.Expected}");
            Console.WriteLine($"     got      {broke.Kind} {broke.Confidence:0.00}: {broke.Got}");
        }
    }

    /// <summary>This run's calibration: the answers the model let through, by probability, against how often they were right.</summary>
    private static EvalCalibration Calibration(AnswerJudge judge, IReadOnlyList<EvalOutcome> outcomes)
    {
        var scored = outcomes.Where(o => o.Expected != "(not scored)").ToList();
        var answered = scored.Where(o => o.Kind is "Fact" or "Timeline").ToList();
        return new EvalCalibration(
            judge.Threshold,
            answered.Count,
            answered.Count(o => !o.Right),
            scored.Count == 0 ? 0 : Math.Round(answered.Count(o => !o.Right) / (double)scored.Count, 4),
            AnswerModelTrainer.Reliability(answered.Select(o => (o.Confidence, o.Right))));
    }

    private static void PrintCalibration(AnswerJudge judge, EvalCalibration calibration)
    {
        var card = judge.Model.Card;
        Console.WriteLine($"answer model {card.Trainer}, threshold {calibration.Threshold:0.00} (trained for at most {card.TargetWrongRate:P1} wrong; cross-validated " +
            $"{card.CrossValidation.AnsweredRight:P1} answered right, {card.CrossValidation.Refused:P1} refused, {card.CrossValidation.WrongRate:P2} wrong, AUC {card.CrossValidation.Auc:0.000})");
        Console.WriteLine($"  this run: {calibration.Answered} answered from facts, {calibration.AnsweredWrongly} of them wrong = {calibration.WrongRate:P1} of the scored questions");
        Console.WriteLine("  reliability   probability  answers  mean p  right   | cross-validated: questions  mean p  right");
        for (var i = 0; i < calibration.Reliability.Count; i++)
        {
            var bin = calibration.Reliability[i];
            var cv = i < card.Reliability.Count ? card.Reliability[i] : null;
            Console.WriteLine($"                {bin.From:0.0}–{bin.To:0.0}      {bin.Count,5}  {bin.MeanProbability,6:0.000}  {bin.RightRate,5:0.000}   |                  {cv?.Count,5}  {cv?.MeanProbability,6:0.000}  {cv?.RightRate,5:0.000}");
        }
    }

    /// <summary>"fresh-tuning" for tests/data/fresh/tuning.yaml: what the report and the conversation ids are called.</summary>
    private static string FreshSetName(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        return name.StartsWith("fresh", StringComparison.OrdinalIgnoreCase) ? name : "fresh-" + name;
    }

    private static async Task CalibrateAsync(ChatBotPaths paths, IReadOnlyList<DevQuestion> questions, string set, CancellationToken cancellationToken)
    {
        var baseline = new RetrievalOptions();
        // Through the same turn as the host, with the thresholds opened: every fact answer shows its confidence.
        using var open = Brain(paths, 0, double.MaxValue);
        var (_, outcomes) = await new Evaluator(open.GetRequiredService<KnowledgeBase>()).RunAsync(open.GetRequiredService<IQuestionAnswerer>(), questions, set, cancellationToken);
        var (factThreshold, sweep) = ThresholdCalibration.Calibrate(questions, outcomes, new HashSet<string> { "Fact", "Timeline" });
        Console.WriteLine($"fact answers by the answer model's probability (the model's own threshold is in models/answer-model.json):");
        foreach (var point in sweep)
        {
            Console.WriteLine($"  threshold {point.Threshold:0.000}: accuracy {point.Accuracy:P1}, refusal {point.RefusalRate:P1}");
        }
        using var withPassages = Brain(paths, factThreshold, 0);
        var (_, passageOutcomes) = await new Evaluator(withPassages.GetRequiredService<KnowledgeBase>()).RunAsync(withPassages.GetRequiredService<IQuestionAnswerer>(), questions, set, cancellationToken);
        var (passageThreshold, _) = ThresholdCalibration.Calibrate(questions, passageOutcomes, new HashSet<string> { "Passage" });
        var rescued = questions.Select((q, i) => (q, o: passageOutcomes[i])).Count(x => x.o.Kind == "Passage" && x.o.Right && x.o.Confidence >= passageThreshold);
        Console.WriteLine($"proposed answer model threshold {factThreshold:0.000} (try it with --threshold); PassageThreshold {Math.Max(passageThreshold, baseline.PassageThreshold):0.000} " +
            $"(out-of-scope passages reach {passageThreshold - ThresholdCalibration.Margin:0.000}; {rescued} answerable question(s) rescued by passages above it)");
    }

    private static string Resolve(ChatBotPaths paths, string file) =>
        Path.IsPathRooted(file) || File.Exists(file) ? file : Path.Combine(paths.Root, file);
}

/// <summary>An eval run's calibration of the answer model: answers let through, wrong ones, and the reliability table.</summary>
internal sealed record EvalCalibration(double Threshold, int Answered, int AnsweredWrongly, double WrongRate, IReadOnlyList<ReliabilityBin> Reliability);
