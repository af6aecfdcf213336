using ChatBot.Core.Curation;
using ChatBot.E2E.Infrastructure;

namespace ChatBot.E2E;

/// <summary><c>chatbot report</c> and <c>chatbot unanswered</c> read the curator store the hosts write, and say so in one line when there is none.</summary>
public sealed class CuratorCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-curator-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> StoreWithEventsAsync()
    {
        var path = Path.Combine(_folder, "curator.db");
        var store = new SqliteCuratorStore(path, new CuratorOptions(), TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        foreach (var question in new[] { "how many pandas live in astana zoo", "How many pandas live in Astana zoo?" })
        {
            await store.AppendAsync(new CuratorEvent(now, CuratorEventKind.Refusal, "u1", "directline", question, "I don't know that from my documents.",
                "Fallback", [], ["kz-natural-resources-economic-growth-2011"], null, "a1"), CancellationToken.None);
        }
        await store.AppendAsync(new CuratorEvent(now, CuratorEventKind.Dislike, "u2", "msteams", "When were relations established?", "On 28 January 1992.",
            "Fact", ["kz-independence-20th-anniversary-2011"], [], "Wrong fact", "a2"), CancellationToken.None);
        return path;
    }

    [Fact]
    public async Task Report_writes_the_review_as_one_static_html_file()
    {
        var store = await StoreWithEventsAsync();
        var html = Path.Combine(_folder, "review.html");

        var (code, stdout, stderr) = await CliProcess.RunAsync("report", "--store", store, "--out", html);

        code.ShouldBe(0, stderr);
        stdout.ShouldContain("3 events");
        stdout.ShouldContain(html);
        var page = await File.ReadAllTextAsync(html);
        page.ShouldContain("2 ×</span>");
        page.ShouldContain("pandas");
        page.ShouldContain("Wrong fact");
        page.ShouldContain("<style>");
        page.ShouldNotContain("<script");
    }

    [Fact]
    public async Task Unanswered_groups_the_stored_refusals_with_their_nearest_fact_and_question_form()
    {
        var (code, stdout, stderr) = await CliProcess.RunAsync("unanswered", "--store", await StoreWithEventsAsync(), "--yaml");

        code.ShouldBe(0, stderr);
        stdout.ShouldContain("2 unanswered turns in 1 groups");
        stdout.ShouldContain("nearest facts: kz-natural-resources-economic-growth-2011");
        stdout.ShouldContain("      - how many pandas live in astana zoo");
    }

    [Fact]
    public async Task A_missing_store_is_one_line_and_a_non_zero_exit()
    {
        var (code, _, stderr) = await CliProcess.RunAsync("unanswered", "--store", Path.Combine(_folder, "none.db"));

        code.ShouldBe(2);
        stderr.ShouldContain("no curator store at");
        stderr.ShouldNotContain("   at ");
    }
}
