using System.Text.Json;
using StackExchange.Redis;

namespace ChatBot.Core.Curation;

/// <summary>
/// The curator store every instance shares when <c>Storage:Redis</c> is set: events in one sorted set scored by time
/// (trimmed to the retention period and <see cref="CuratorOptions.MaxEvents"/> on each write), remembered answers and
/// their channel aliases as keys that expire with the retention period. In Core, so <c>chatbot report</c> and
/// <c>chatbot unanswered</c> read the same store the hosts write.
/// </summary>
public sealed class RedisCuratorStore(IConnectionMultiplexer redis, CuratorOptions options, TimeProvider clock, string keyPrefix) : ICuratorStore
{
    private readonly RedisKey _events = keyPrefix + "curator:events";

    private TimeSpan Retention => TimeSpan.FromDays(options.RetentionDays);

    public Task AppendAsync(CuratorEvent curatorEvent, CancellationToken cancellationToken) => RunAsync(async db =>
    {
        // A unique prefix keeps two equal events (same text, same millisecond) apart in the set.
        var member = Guid.NewGuid().ToString("N") + "\n" + JsonSerializer.Serialize(curatorEvent, CuratorJson.Default.CuratorEvent);
        var batch = db.CreateBatch();
        var add = batch.SortedSetAddAsync(_events, member, curatorEvent.Time.ToUnixTimeMilliseconds());
        var old = batch.SortedSetRemoveRangeByScoreAsync(_events, double.NegativeInfinity, Cutoff(), Exclude.Stop);
        var over = batch.SortedSetRemoveRangeByRankAsync(_events, 0, -options.MaxEvents - 1);
        batch.Execute();
        await Task.WhenAll(add, old, over).ConfigureAwait(false);
        return 0;
    });

    public async Task<IReadOnlyList<CuratorEvent>> ReadAsync(CancellationToken cancellationToken)
    {
        var members = await RunAsync(db => db.SortedSetRangeByScoreAsync(_events, Cutoff(), double.PositiveInfinity, Exclude.None, Order.Descending, 0, options.MaxEvents)).ConfigureAwait(false);
        var events = new List<CuratorEvent>(members.Length);
        foreach (var member in members)
        {
            var text = (string?)member;
            var json = text?[(text.IndexOf('\n') + 1)..];
            try
            {
                if (json is not null && JsonSerializer.Deserialize(json, CuratorJson.Default.CuratorEvent) is { } e)
                {
                    events.Add(e);
                }
            }
            catch (JsonException)
            {
                // A member another version wrote is skipped, not fatal.
            }
        }
        return events;
    }

    public Task RememberAnswerAsync(AnsweredTurn turn, CancellationToken cancellationToken) =>
        RunAsync(db => db.StringSetAsync(AnswerKey(turn.AnswerId), JsonSerializer.Serialize(turn, CuratorJson.Default.AnsweredTurn), Retention));

    public Task AliasAnswerAsync(string answerId, string alias, CancellationToken cancellationToken) =>
        RunAsync(db => db.StringSetAsync(keyPrefix + "curator:alias:" + alias, answerId, Retention));

    public async Task<AnsweredTurn?> FindAnswerAsync(string answerIdOrAlias, CancellationToken cancellationToken)
    {
        var json = await RunAsync(async db =>
        {
            var direct = await db.StringGetAsync(AnswerKey(answerIdOrAlias)).ConfigureAwait(false);
            if (direct.HasValue)
            {
                return direct;
            }
            var id = await db.StringGetAsync(keyPrefix + "curator:alias:" + answerIdOrAlias).ConfigureAwait(false);
            return id.HasValue ? await db.StringGetAsync(AnswerKey(id!)).ConfigureAwait(false) : RedisValue.Null;
        }).ConfigureAwait(false);
        try
        {
            return json.HasValue ? JsonSerializer.Deserialize((string)json!, CuratorJson.Default.AnsweredTurn) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private string AnswerKey(string id) => keyPrefix + "curator:answer:" + id;

    private double Cutoff() => clock.GetUtcNow().Subtract(Retention).ToUnixTimeMilliseconds();

    private async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> run)
    {
        try
        {
            return await run(redis.GetDatabase()).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException or TimeoutException or RedisServerException or ObjectDisposedException)
        {
            throw new CuratorStoreUnavailableException($"Redis is unavailable for curator events: {ex.Message}", ex);
        }
    }
}
