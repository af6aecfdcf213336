using ChatBot.Web.DirectLine;

namespace ChatBot.Web.Tests.DirectLine;

/// <summary>
/// What every <see cref="IDirectLineStore"/> must do; a new implementation (Redis) derives a class from this one and
/// runs the same tests.
/// </summary>
public abstract class DirectLineStoreContractTests
{
    protected ManualClock Clock { get; } = new();

    protected static DirectLineOptions Options(int maxActivities = 500, int idleMinutes = 60) =>
        new() { MaxActivitiesPerConversation = maxActivities, ConversationIdleMinutes = idleMinutes };

    protected abstract IDirectLineStore CreateStore(DirectLineOptions options);

    private static DirectLineConversation Conversation(string id) => new(id, "dl_user", DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Create_is_once_per_conversation()
    {
        var store = CreateStore(Options());

        (await store.CreateAsync(Conversation("a"), default)).ShouldBeTrue();
        (await store.CreateAsync(Conversation("a"), default)).ShouldBeFalse();
        (await store.GetAsync("a", default))!.UserId.ShouldBe("dl_user");
        (await store.GetAsync("b", default)).ShouldBeNull();
    }

    [Fact]
    public async Task Appended_activities_come_back_in_order_after_the_watermark()
    {
        var store = CreateStore(Options());
        await store.CreateAsync(Conversation("a"), default);
        for (var i = 1; i <= 3; i++)
        {
            (await store.AppendAsync("a", seq => $$"""{"n":{{seq}}}""", default)).ShouldBe(i);
        }

        var all = await store.ReadAsync("a", 0, 100, default);
        var after2 = await store.ReadAsync("a", 2, 100, default);
        var paged = await store.ReadAsync("a", 0, 2, default);

        all!.Activities.Select(a => a.Json).ShouldBe(["""{"n":1}""", """{"n":2}""", """{"n":3}"""]);
        all.Watermark.ShouldBe(3);
        after2!.Activities.ShouldHaveSingleItem().Sequence.ShouldBe(3);
        paged!.Activities.Count.ShouldBe(2);
        paged.Watermark.ShouldBe(2);
    }

    [Fact]
    public async Task An_unknown_conversation_reads_and_appends_nothing()
    {
        var store = CreateStore(Options());

        (await store.AppendAsync("nope", _ => "{}", default)).ShouldBeNull();
        (await store.ReadAsync("nope", 0, 10, default)).ShouldBeNull();
    }

    [Fact]
    public async Task Only_the_newest_activities_are_kept()
    {
        var store = CreateStore(Options(maxActivities: 10));
        await store.CreateAsync(Conversation("a"), default);
        for (var i = 0; i < 25; i++)
        {
            await store.AppendAsync("a", seq => $$"""{"n":{{seq}}}""", default);
        }

        var page = await store.ReadAsync("a", 0, 100, default);

        page!.Activities.Select(a => a.Sequence).ShouldBe(Enumerable.Range(16, 10).Select(i => (long)i));
    }

    [Fact]
    public async Task An_idle_conversation_expires_and_a_used_one_does_not()
    {
        var store = CreateStore(Options(idleMinutes: 10));
        await store.CreateAsync(Conversation("idle"), default);
        await store.CreateAsync(Conversation("busy"), default);

        Clock.Advance(TimeSpan.FromMinutes(6));
        await store.ReadAsync("busy", 0, 10, default);
        Clock.Advance(TimeSpan.FromMinutes(6));

        (await store.GetAsync("idle", default)).ShouldBeNull();
        (await store.GetAsync("busy", default)).ShouldNotBeNull();
    }
}

/// <summary>The contract run against the in-memory store, plus its count bound.</summary>
public sealed class InMemoryDirectLineStoreTests : DirectLineStoreContractTests
{
    protected override IDirectLineStore CreateStore(DirectLineOptions options) =>
        new InMemoryDirectLineStore(Microsoft.Extensions.Options.Options.Create(options), Clock);

    [Fact]
    public async Task The_store_never_holds_more_than_the_conversation_limit()
    {
        var store = new InMemoryDirectLineStore(Microsoft.Extensions.Options.Options.Create(new DirectLineOptions { MaxConversations = 3 }), Clock);
        for (var i = 0; i < 10; i++)
        {
            await store.CreateAsync(new DirectLineConversation($"c{i}", "dl_u", Clock.GetUtcNow()), default);
        }

        store.Count.ShouldBe(3);
        (await store.GetAsync("c9", default)).ShouldNotBeNull();
        (await store.GetAsync("c0", default)).ShouldBeNull();
    }

    [Fact]
    public async Task A_conversation_keeps_no_more_bytes_than_its_limit()
    {
        var store = new InMemoryDirectLineStore(Microsoft.Extensions.Options.Options.Create(new DirectLineOptions { MaxConversationBytes = 2048, MaxActivityBytes = 1024 }), Clock);
        await store.CreateAsync(new DirectLineConversation("a", "dl_u", Clock.GetUtcNow()), default);
        for (var i = 0; i < 20; i++)
        {
            await store.AppendAsync("a", _ => new string('x', 500), default);
        }

        var page = await store.ReadAsync("a", 0, 100, default);

        page!.Activities.Sum(a => a.Json.Length).ShouldBeLessThanOrEqualTo(2048);
        page.Activities[^1].Sequence.ShouldBe(20);
    }
}
