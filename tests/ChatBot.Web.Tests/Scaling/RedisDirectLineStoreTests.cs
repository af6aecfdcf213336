using ChatBot.Web.DirectLine;
using ChatBot.Web.Scaling;
using ChatBot.Web.Tests.DirectLine;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace ChatBot.Web.Tests.Scaling;

/// <summary>The Direct Line store contract (from the Direct Line tests) against Redis, plus what sharing it across instances needs.</summary>
public sealed class RedisDirectLineStoreTests(RedisServerFixture redis) : DirectLineStoreContractTests, IClassFixture<RedisServerFixture>, IDisposable
{
    private readonly IConnectionMultiplexer _connection = RedisConnectionFactory.Connect(redis.Server.ConnectionString, NullLogger.Instance);
    private readonly string _prefix = $"dl-{Guid.NewGuid():N}:";

    protected override IDirectLineStore CreateStore(DirectLineOptions options) =>
        new RedisDirectLineStore(_connection, Microsoft.Extensions.Options.Options.Create(options), Clock, _prefix);

    [Fact]
    public async Task A_conversation_created_by_one_instance_is_read_and_appended_by_another()
    {
        var first = CreateStore(Options());
        var second = CreateStore(Options());
        var started = new DateTimeOffset(2024, 5, 1, 12, 0, 0, 123, TimeSpan.Zero).AddTicks(4567);

        await first.CreateAsync(new DirectLineConversation("shared", "dl_user", started), default);
        (await second.AppendAsync("shared", seq => $$"""{"n":{{seq}}}""", default)).ShouldBe(1);
        (await first.AppendAsync("shared", seq => $$"""{"n":{{seq}}}""", default)).ShouldBe(2);

        (await second.GetAsync("shared", default)).ShouldBe(new DirectLineConversation("shared", "dl_user", started));
        (await first.ReadAsync("shared", 0, 10, default))!.Activities.Select(a => a.Json).ShouldBe(["""{"n":1}""", """{"n":2}"""]);
    }

    [Fact]
    public async Task Concurrent_appends_from_several_instances_get_consecutive_numbers_in_one_order()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => CreateStore(Options())).ToList();
        await stores[0].CreateAsync(new DirectLineConversation("busy", "dl_user", Clock.GetUtcNow()), default);

        var appended = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            stores[i % stores.Count].AppendAsync("busy", seq => $$"""{"n":{{seq}},"by":{{i}}}""", default))));
        var page = await stores[1].ReadAsync("busy", 0, 100, default);

        appended.Select(a => a!.Value).Order().ShouldBe(Enumerable.Range(1, 40).Select(i => (long)i));
        page!.Activities.Select(a => a.Sequence).ShouldBe(Enumerable.Range(1, 40).Select(i => (long)i));
        page.Activities.ShouldAllBe(a => a.Json.StartsWith("{\"n\":" + a.Sequence + ","));
    }

    [Fact]
    public async Task A_watermark_past_the_end_is_pulled_back_to_the_last_activity()
    {
        var store = CreateStore(Options());
        await store.CreateAsync(new DirectLineConversation("a", "dl_user", Clock.GetUtcNow()), default);
        await store.AppendAsync("a", _ => "{}", default);

        var page = await store.ReadAsync("a", 99, 10, default);

        page!.Activities.ShouldBeEmpty();
        page.Watermark.ShouldBe(1);
    }

    [Fact]
    public async Task Redis_drops_a_conversation_after_the_idle_time_too()
    {
        var store = CreateStore(Options(idleMinutes: 10));
        await store.CreateAsync(new DirectLineConversation("a", "dl_user", Clock.GetUtcNow()), default);
        await store.AppendAsync("a", _ => "{}", default);

        var db = _connection.GetDatabase();
        (await db.KeyTimeToLiveAsync(_prefix + "directline:a"))!.Value.ShouldBeInRange(TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        (await db.KeyTimeToLiveAsync(_prefix + "directline:a:activities"))!.Value.ShouldBeInRange(TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }

    public void Dispose() => _connection.Dispose();
}
