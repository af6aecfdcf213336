using ChatBot.Core.Curation;
using ChatBot.Core.Tests.Storage;

namespace ChatBot.Core.Tests.Curation;

/// <summary>The embedded curator store keeps what curators need for as long as configured and no more.</summary>
public sealed class SqliteCuratorStoreTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-curator-store-").FullName;
    private readonly ManualClock _clock = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private SqliteCuratorStore Store(int retentionDays = 90, int maxEvents = 100) =>
        new(Path.Combine(_folder, "data", "curator.db"), new CuratorOptions { RetentionDays = retentionDays, MaxEvents = maxEvents }, _clock);

    private CuratorEvent Refusal(string question) =>
        new(_clock.GetUtcNow(), CuratorEventKind.Refusal, "user", "directline", question, "I don't know.", "Fallback", [], ["fact-a"], null, null);

    [Fact]
    public async Task Events_are_read_back_newest_first_and_survive_a_new_store_on_the_same_file()
    {
        await Store().AppendAsync(Refusal("first"), None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Store().AppendAsync(Refusal("second"), None);

        var events = await Store().ReadAsync(None);

        events.Select(e => e.Question).ShouldBe(["second", "first"]);
        events[0].Candidates.ShouldBe(["fact-a"]);
        events[0].Kind.ShouldBe(CuratorEventKind.Refusal);
    }

    [Fact]
    public async Task Events_past_the_retention_period_are_dropped()
    {
        var store = Store(retentionDays: 2);
        await store.AppendAsync(Refusal("old"), None);
        _clock.Advance(TimeSpan.FromDays(3));
        await store.AppendAsync(Refusal("new"), None);

        (await store.ReadAsync(None)).Select(e => e.Question).ShouldBe(["new"]);
    }

    [Fact]
    public async Task The_store_keeps_at_most_MaxEvents_the_oldest_going_first()
    {
        var store = Store(maxEvents: 5);
        for (var i = 0; i < 12; i++)
        {
            await store.AppendAsync(Refusal($"q{i}"), None);
        }

        (await store.ReadAsync(None)).Select(e => e.Question).ShouldBe(["q11", "q10", "q9", "q8", "q7"]);
    }

    [Fact]
    public async Task An_answer_is_found_by_its_id_and_by_the_channel_id_it_was_delivered_under()
    {
        var store = Store();
        await store.RememberAnswerAsync(new AnsweredTurn("a1", _clock.GetUtcNow(), "user", "msteams", "when?", "In 1992.", "Fact", ["fact-a"]), None);
        await store.AliasAnswerAsync("a1", "1:teams-message-id", None);

        (await store.FindAnswerAsync("a1", None))!.Question.ShouldBe("when?");
        (await store.FindAnswerAsync("1:teams-message-id", None))!.FactIds.ShouldBe(["fact-a"]);
        (await store.FindAnswerAsync("unknown", None)).ShouldBeNull();
    }

    [Fact]
    public async Task A_store_that_cannot_be_opened_says_so_in_its_own_exception()
    {
        var blocked = Path.Combine(_folder, "a-file");
        await File.WriteAllTextAsync(blocked, "not a folder");
        var store = new SqliteCuratorStore(Path.Combine(blocked, "curator.db"), new CuratorOptions(), _clock);

        var error = await Should.ThrowAsync<CuratorStoreUnavailableException>(() => store.AppendAsync(Refusal("q"), None));
        error.Message.ShouldContain("curator store");
    }

    [Fact]
    public async Task Writes_from_many_turns_at_once_are_all_kept_and_each_is_readable_when_its_call_returns()
    {
        var store = Store(maxEvents: 1_000);
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            await store.RememberAnswerAsync(new AnsweredTurn($"a{i}", _clock.GetUtcNow(), "user", "test", $"question {i}", "In 1992.", "Fact", ["fact-a"]), None);
            // The reply is sent when the call returns: feedback on it must find the answer.
            (await store.FindAnswerAsync($"a{i}", None))!.Question.ShouldBe($"question {i}");
            await store.AppendAsync(Refusal($"q{i}"), None);
        })));

        (await store.ReadAsync(None)).Select(e => e.Question).Order().ShouldBe(Enumerable.Range(0, 200).Select(i => $"q{i}").Order());
    }
}
