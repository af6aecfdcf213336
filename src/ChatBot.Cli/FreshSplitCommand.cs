using System.CommandLine;
using ChatBot.Core.Knowledge.Evaluation;

namespace ChatBot.Cli;

/// <summary>
/// <c>chatbot eval split [--questions tests/data/fresh/fresh.yaml]</c>: writes the fresh set's tuning half and final
/// half (tuning.yaml, final.yaml) next to it by the fixed rule of <see cref="FreshSetSplit"/>, which never looks at
/// the bot's answers.
/// </summary>
internal static class FreshSplitCommand
{
    public static Command Create()
    {
        var root = CliOptions.Root();
        var questions = new Option<string>("--questions") { Description = "The fresh set to split", DefaultValueFactory = _ => "tests/data/fresh/fresh.yaml" };
        var command = new Command("split", "Split a fresh question set into tuning.yaml and final.yaml by a fixed rule.") { root, questions };
        command.SetAction((result, cancellationToken) => CliErrors.Guard(async () =>
        {
            var paths = CliOptions.Paths(result, root);
            var file = result.GetValue(questions)!;
            file = Path.IsPathRooted(file) || File.Exists(file) ? file : Path.Combine(paths.Root, file);
            if (!File.Exists(file))
            {
                await Console.Error.WriteLineAsync($"chatbot eval split: {file}: file not found.");
                return CliErrors.BadInput;
            }
            var (tuning, final) = FreshSetSplit.Split(await File.ReadAllTextAsync(file, cancellationToken), file);
            var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
            foreach (var (name, text) in new[] { ("tuning.yaml", tuning), ("final.yaml", final) })
            {
                var path = Path.Combine(folder, name);
                await File.WriteAllTextAsync(path, text, cancellationToken);
                var half = FreshQuestionSet.Load(path);
                Console.WriteLine($"{path}: {half.Questions.Count(q => !q.IsOutOfScope)} answerable, {half.Questions.Count(q => q.IsOutOfScope)} out of scope, {half.Conversations.Count} conversations");
            }
            Console.WriteLine($"rule: {FreshSetSplit.Rule}");
            return 0;
        }));
        return command;
    }
}
