using System.Diagnostics;
using ChatBot.Core.Dialogs;
using ChatBot.Web.Scaling;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace ChatBot.Web.Tests.Scaling;

/// <summary>What the Redis store does beyond the shared contract: key prefixes, idle expiry, and living through an outage.</summary>
public sealed class RedisStorageTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly IConnectionMultiplexer _connection = RedisConnectionFactory.Connect(redis.Server.ConnectionString, NullLogger.Instance);
    private readonly string _prefix = $"storage-{Guid.NewGuid():N}:";

    private RedisStorage NewStorage(IConnectionMultiplexer connection, string? prefix = null, TimeSpan? idle = null) =>
        new(connection, new RedisStorageOptions { KeyPrefix = prefix ?? _prefix, IdleExpiry = idle ?? TimeSpan.FromMinutes(30) });

    [Fact]
    public async Task Items_live_under_the_key_prefix_and_two_prefixes_do_not_meet()
    {
        var blue = NewStorage(_connection, prefix: _prefix + "blue:");
        var green = NewStorage(_connection, prefix: _prefix + "green:");

        await blue.WriteAsync("conv-1", "blue state", eTag: null, None);

        (await green.ReadAsync("conv-1", None)).ShouldBeNull();
        (await _connection.GetDatabase().KeyExistsAsync(_prefix + "blue:conv-1")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_written_item_expires_after_the_idle_time()
    {
        var storage = NewStorage(_connection, idle: TimeSpan.FromMinutes(30));

        await storage.WriteAsync("conv-1", "state", eTag: null, None);

        var ttl = await _connection.GetDatabase().KeyTimeToLiveAsync(_prefix + "conv-1");
        ttl.ShouldNotBeNull();
        ttl.Value.ShouldBeInRange(TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
    }

    [Fact]
    public async Task Reading_an_item_restarts_its_idle_clock()
    {
        var storage = NewStorage(_connection, idle: TimeSpan.FromMinutes(30));
        await storage.WriteAsync("conv-1", "state", eTag: null, None);
        var db = _connection.GetDatabase();
        await db.KeyExpireAsync(_prefix + "conv-1", TimeSpan.FromSeconds(5)); // as if 29m55s had passed unused

        (await storage.ReadAsync("conv-1", None))!.Value.ShouldBe("state");

        (await db.KeyTimeToLiveAsync(_prefix + "conv-1"))!.Value.ShouldBeGreaterThan(TimeSpan.FromMinutes(29));
    }

    [Fact]
    public async Task With_redis_down_each_operation_fails_fast_as_unavailable_and_works_again_when_it_is_back()
    {
        await using var ownRedis = await redis.StartAnotherAsync();
        using var connection = RedisConnectionFactory.Connect(ownRedis.ConnectionString, NullLogger.Instance);
        var storage = NewStorage(connection);
        var eTag = await storage.WriteAsync("conv-1", "turn 1", eTag: null, None);

        ownRedis.Kill();
        var elapsed = Stopwatch.StartNew();
        await Should.ThrowAsync<StorageUnavailableException>(() => storage.ReadAsync("conv-1", None));
        await Should.ThrowAsync<StorageUnavailableException>(() => storage.WriteAsync("conv-1", "turn 2", eTag, None));
        await Should.ThrowAsync<StorageUnavailableException>(() => storage.DeleteAsync("conv-1", None));
        elapsed.Stop();
        // The user is waiting on this turn: an outage must surface in seconds, not after the channel has given up.
        elapsed.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));

        await ownRedis.StartAgainAsync(); // nothing persisted: the restarted Redis is empty
        (await EventuallyAsync(() => storage.ReadAsync("conv-1", None))).ShouldBeNull();
        var fresh = await storage.WriteAsync("conv-1", "after the outage", eTag: string.Empty, None);
        (await storage.ReadAsync("conv-1", None)).ShouldBe(new StoredItem("after the outage", fresh));
    }

    [Fact]
    public async Task A_bot_that_starts_while_redis_is_down_connects_once_redis_is_up()
    {
        await using var ownRedis = await redis.StartAnotherAsync();
        ownRedis.Kill();

        using var connection = RedisConnectionFactory.Connect(ownRedis.ConnectionString, NullLogger.Instance);
        var storage = NewStorage(connection);
        await Should.ThrowAsync<StorageUnavailableException>(() => storage.ReadAsync("conv-1", None));

        await ownRedis.StartAgainAsync();
        await EventuallyAsync(() => storage.WriteAsync("conv-1", "state", eTag: null, None));
        (await storage.ReadAsync("conv-1", None))!.Value.ShouldBe("state");
    }

    /// <summary>Retries while the client reconnects (it retries every 0.25–2 s in the background), for at most 30 s.</summary>
    internal static async Task<T> EventuallyAsync<T>(Func<Task<T>> operation)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await operation();
            }
            catch (StorageUnavailableException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public void Dispose() => _connection.Dispose();
}
