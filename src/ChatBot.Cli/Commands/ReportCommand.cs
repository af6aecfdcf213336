using System.CommandLine;
using ChatBot.Core.Curation;
using ChatBot.Core.Knowledge;

namespace ChatBot.Cli;

/// <summary><c>chatbot report</c>: the curator's review (the page at /curator) as one static HTML file, read from the store, for a curator without the host.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var root = CliOptions.Root();
        var store = new CuratorStoreOptions();
        var output = new Option<string>("--out") { Description = "Where to write the HTML review", DefaultValueFactory = _ => "artifacts/curator-review.html" };
        var command = new Command("report", "Write the curator's review (unanswered questions, dislikes, likes per fact, uncovered seed lines) as a static HTML file.") { root, output };
        foreach (var option in store.All)
        {
            command.Options.Add(option);
        }
        command.SetAction((result, cancellationToken) => CliErrors.Guard(async () =>
        {
            var paths = CliOptions.Paths(result, root);
            var (events, options, where) = await ReadAsync(store, result, paths, cancellationToken);
            var knowledge = KnowledgeBase.Load(paths);
            var review = CuratorReview.Build(events, knowledge, DateTimeOffset.UtcNow, options.RetentionDays,
                CuratorReviewHtml.LatestIntentConfusion(Path.Combine(paths.Root, "artifacts", "intent-eval")));
            var file = Path.GetFullPath(Path.Combine(paths.Root, result.GetValue(output)!));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, CuratorReviewHtml.Render(review), cancellationToken);
            Console.WriteLine($"{events.Count} events from {where}: {review.Unanswered.Sum(g => g.Count)} unanswered in {review.Unanswered.Count} groups, " +
                $"{review.Disliked.Count} dislikes, {review.Ratings.Sum(r => r.Likes)} likes, {review.UncoveredLines.Count} uncovered seed lines.");
            Console.WriteLine($"Wrote {file}");
            return 0;
        }));
        return command;
    }

    public static async Task<(IReadOnlyList<CuratorEvent> Events, CuratorOptions Options, string Where)> ReadAsync(
        CuratorStoreOptions store, System.CommandLine.ParseResult result, ChatBot.Core.ChatBotPaths paths, CancellationToken cancellationToken)
    {
        var (opened, where, options, connection) = store.Open(result, paths);
        using (connection)
        {
            return (await opened.ReadAsync(cancellationToken), options, where);
        }
    }
}
