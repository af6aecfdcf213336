using System.CommandLine;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Knowledge;

namespace ChatBot.Cli;

/// <summary><c>chatbot unanswered</c>: what users asked that the documents did not answer, similar questions grouped, most frequent first.</summary>
internal static class UnansweredCommand
{
    public static Command Create()
    {
        var root = CliOptions.Root();
        var log = new Option<string>("--log") { Description = "The unanswered log (JSON Lines)", DefaultValueFactory = _ => new RouterOptions().UnansweredLogPath };
        var command = new Command("unanswered", "List the questions the bot could not answer, grouped by similarity.") { root, log };
        command.SetAction((result, cancellationToken) => CliErrors.Guard(() =>
        {
            var paths = CliOptions.Paths(result, root);
            var file = Path.IsPathRooted(result.GetValue(log)!) ? result.GetValue(log)! : Path.Combine(paths.Root, result.GetValue(log)!);
            var entries = UnansweredLog.Read(file);
            if (entries.Count == 0)
            {
                Console.WriteLine($"No unanswered questions in {file}.");
                return Task.FromResult(0);
            }
            var words = WordLists.Load(paths.Lexicon);
            var groups = UnansweredGroups.Group(entries, words.StopWords.Union(words.QuestionWords).ToHashSet(StringComparer.Ordinal));
            Console.WriteLine($"{entries.Count} unanswered turns in {groups.Count} groups ({file}):");
            foreach (var group in groups)
            {
                var top = group.Entries.SelectMany(e => e.TopIntents.Take(1)).GroupBy(s => s.Intent).OrderByDescending(g => g.Count()).First().Key;
                Console.WriteLine($"\n{group.Entries.Count,4} × \"{group.Representative}\"   (nearest intent: {top}, last {group.Entries.Max(e => e.Time):yyyy-MM-dd HH:mm})");
                foreach (var variant in group.Entries.Select(e => e.Text).Distinct(StringComparer.OrdinalIgnoreCase).Where(t => t != group.Representative).Take(5))
                {
                    Console.WriteLine($"       also: \"{variant}\"");
                }
            }
            return Task.FromResult(0);
        }));
        return command;
    }
}
