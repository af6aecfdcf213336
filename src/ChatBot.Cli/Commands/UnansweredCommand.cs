using System.CommandLine;
using ChatBot.Core.Curation;
using ChatBot.Core.Knowledge;

namespace ChatBot.Cli;

/// <summary>
/// <c>chatbot unanswered</c>: what users asked that the bot refused, nearly answered or asked back about, read from
/// the curator store the hosts write; similar questions grouped, most frequent first, with the nearest facts.
/// </summary>
internal static class UnansweredCommand
{
    public static Command Create()
    {
        var root = CliOptions.Root();
        var store = new CuratorStoreOptions();
        var yaml = new Option<bool>("--yaml") { Description = "Also print each group's ready-to-paste question form for models/facts.yaml" };
        var command = new Command("unanswered", "List the questions the bot could not answer, grouped by similarity, from the curator store.") { root, yaml };
        foreach (var option in store.All)
        {
            command.Options.Add(option);
        }
        command.SetAction((result, cancellationToken) => CliErrors.Guard(async () =>
        {
            var paths = CliOptions.Paths(result, root);
            var (events, options, where) = await ReportCommand.ReadAsync(store, result, paths, cancellationToken);
            var review = CuratorReview.Build(events, KnowledgeBase.Load(paths), DateTimeOffset.UtcNow, options.RetentionDays);
            if (review.Unanswered.Count == 0)
            {
                Console.WriteLine($"No unanswered questions in {where} (last {options.RetentionDays} days).");
                return 0;
            }
            Console.WriteLine($"{review.Unanswered.Sum(g => g.Count)} unanswered turns in {review.Unanswered.Count} groups ({where}):");
            foreach (var group in review.Unanswered)
            {
                var nearest = group.Nearest.Count > 0 ? string.Join(", ", group.Nearest.Select(f => f.Id)) : "none";
                Console.WriteLine($"\n{group.Count,4} × \"{group.Representative}\"   (last {group.LastSeen:yyyy-MM-dd HH:mm}; nearest facts: {nearest})");
                foreach (var variant in group.Examples.Where(e => !string.Equals(e, group.Representative, StringComparison.OrdinalIgnoreCase)))
                {
                    Console.WriteLine($"       also: \"{variant}\"");
                }
                if (result.GetValue(yaml))
                {
                    Console.WriteLine(string.Join('\n', group.YamlForm.Split('\n').Select(l => "       " + l)));
                }
            }
            return 0;
        }));
        return command;
    }
}
