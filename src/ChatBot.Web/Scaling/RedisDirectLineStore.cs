using System.Globalization;
using ChatBot.Core.Dialogs;
using ChatBot.Web.DirectLine;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatBot.Web.Scaling;

/// <summary>
/// The <see cref="IDirectLineStore"/> that several instances share, so a Web Chat page may post to one instance and
/// poll another. Per conversation: a hash (user, start, last sequence, bytes, last use) and a list of
/// <c>sequence|json</c> entries. Appends are compare-and-set on the last sequence, so every instance sees one order.
/// </summary>
/// <remarks>
/// Idle expiry follows the host's <see cref="TimeProvider"/> (the tokens' clock) and Redis also drops the keys after
/// the same idle time. Per-conversation bounds (activities, bytes) hold as in memory; how many conversations Redis
/// keeps is Redis's <c>maxmemory</c> policy, not this class's.
/// </remarks>
public sealed class RedisDirectLineStore(IConnectionMultiplexer redis, IOptions<DirectLineOptions> options, TimeProvider clock, string keyPrefix)
    : IDirectLineStore
{
    private const int MaxAppendAttempts = 50;

    // Shared by every script: KEYS[1] the hash, KEYS[2] the list; ARGV[1] now (ms), ARGV[2] idle limit (ms).
    // A conversation idle past the limit on the host's clock is deleted and reported missing.
    private const string Alive = """
        local function alive()
          local used = redis.call('HGET', KEYS[1], 't')
          if not used then return false end
          if tonumber(ARGV[1]) - tonumber(used) > tonumber(ARGV[2]) then
            redis.call('DEL', KEYS[1], KEYS[2])
            return false
          end
          redis.call('HSET', KEYS[1], 't', ARGV[1])
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          redis.call('PEXPIRE', KEYS[2], ARGV[2])
          return true
        end
        """;

    // ARGV[3] user, ARGV[4] start (ticks). 1 created, 0 existed.
    private const string CreateScript = Alive + "\n" + """
        if alive() then return 0 end
        redis.call('DEL', KEYS[2])
        redis.call('HSET', KEYS[1], 'u', ARGV[3], 'c', ARGV[4], 's', 0, 'b', 0, 't', ARGV[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
        """;

    // Returns {user, start} or nil.
    private const string GetScript = Alive + "\n" + """
        if not alive() then return false end
        return redis.call('HMGET', KEYS[1], 'u', 'c')
        """;

    // ARGV[3] the sequence the entry was serialized after, ARGV[4] the entry, ARGV[5] max count, ARGV[6] max bytes.
    // Returns the new sequence, -1 for an unknown conversation, -2 when another append came first (serialize again).
    private const string AppendScript = Alive + "\n" + """
        if not alive() then return -1 end
        if tonumber(redis.call('HGET', KEYS[1], 's')) ~= tonumber(ARGV[3]) then return -2 end
        local sequence = tonumber(ARGV[3]) + 1
        redis.call('HSET', KEYS[1], 's', sequence)
        local count = redis.call('RPUSH', KEYS[2], ARGV[4])
        local bytes = redis.call('HINCRBY', KEYS[1], 'b', string.len(ARGV[4]))
        while count > 1 and (count > tonumber(ARGV[5]) or bytes > tonumber(ARGV[6])) do
          bytes = redis.call('HINCRBY', KEYS[1], 'b', -string.len(redis.call('LPOP', KEYS[2])))
          count = count - 1
        end
        redis.call('PEXPIRE', KEYS[2], ARGV[2])
        return sequence
        """;

    // ARGV[3] watermark, ARGV[4] page size. The list holds consecutive sequences ending at 's', so the page is a range.
    // Returns {last sequence, entries} or nil.
    private const string ReadScript = Alive + "\n" + """
        if not alive() then return false end
        local last = tonumber(redis.call('HGET', KEYS[1], 's'))
        local count = redis.call('LLEN', KEYS[2])
        local first = tonumber(ARGV[3]) - last + count
        if first < 0 then first = 0 end
        return {tostring(last), redis.call('LRANGE', KEYS[2], first, first + tonumber(ARGV[4]) - 1)}
        """;

    private readonly DirectLineOptions _options = options.Value;

    public async Task<bool> CreateAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        var result = await EvaluateAsync(conversation.Id, CreateScript,
            [conversation.UserId, conversation.CreatedAt.UtcTicks], cancellationToken).ConfigureAwait(false);
        return (long)result == 1;
    }

    public async Task<DirectLineConversation?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        var result = await EvaluateAsync(conversationId, GetScript, [], cancellationToken).ConfigureAwait(false);
        if (result.IsNull)
        {
            return null;
        }
        var fields = (RedisValue[])result!;
        var createdAt = new DateTimeOffset(long.Parse((string)fields[1]!, CultureInfo.InvariantCulture), TimeSpan.Zero);
        return new DirectLineConversation(conversationId, fields[0]!, createdAt);
    }

    public async Task<long?> AppendAsync(string conversationId, Func<long, string> serialize, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAppendAttempts; attempt++)
        {
            var last = await RunAsync(conversationId, db => db.HashGetAsync(Meta(conversationId), "s"), cancellationToken).ConfigureAwait(false);
            if (last.IsNull)
            {
                return null;
            }
            var expected = (long)last;
            var json = serialize(expected + 1); // the callback stamps the sequence into the activity's id
            var result = (long)await EvaluateAsync(conversationId, AppendScript,
                [expected, (expected + 1).ToString(CultureInfo.InvariantCulture) + "|" + json, _options.MaxActivitiesPerConversation, _options.MaxConversationBytes],
                cancellationToken).ConfigureAwait(false);
            switch (result)
            {
                case -1:
                    return null;
                case -2:
                    continue; // another instance appended in between: take the next number
                default:
                    return result;
            }
        }
        throw new StorageConflictException($"directline/{conversationId}");
    }

    public async Task<ActivityPage?> ReadAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken)
    {
        var result = await EvaluateAsync(conversationId, ReadScript, [watermark, max], cancellationToken).ConfigureAwait(false);
        if (result.IsNull)
        {
            return null;
        }
        var parts = (RedisResult[])result!;
        var last = long.Parse((string)parts[0]!, CultureInfo.InvariantCulture);
        var entries = (RedisValue[])parts[1]!;
        var page = new List<StoredActivity>(entries.Length);
        foreach (var entry in entries)
        {
            var text = (string)entry!;
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            page.Add(new StoredActivity(long.Parse(text.AsSpan(0, bar), CultureInfo.InvariantCulture), text[(bar + 1)..]));
        }
        // As in memory: past the end, the watermark is pulled back to the last sequence so the client resynchronizes.
        var next = page.Count > 0 ? page[^1].Sequence : Math.Min(watermark, last);
        return new ActivityPage(page, next);
    }

    private RedisKey Meta(string conversationId) => keyPrefix + "directline:" + conversationId;

    private RedisKey List(string conversationId) => keyPrefix + "directline:" + conversationId + ":activities";

    private Task<RedisResult> EvaluateAsync(string conversationId, string script, RedisValue[] arguments, CancellationToken cancellationToken)
    {
        RedisValue[] values = [clock.GetUtcNow().ToUnixTimeMilliseconds(), (long)TimeSpan.FromMinutes(_options.ConversationIdleMinutes).TotalMilliseconds, .. arguments];
        return RunAsync(conversationId, db => db.ScriptEvaluateAsync(script, [Meta(conversationId), List(conversationId)], values), cancellationToken);
    }

    private async Task<T> RunAsync<T>(string conversationId, Func<IDatabase, Task<T>> command, CancellationToken cancellationToken)
    {
        try
        {
            return await command(redis.GetDatabase()).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisFailure.IsUnavailable(ex))
        {
            throw new StorageUnavailableException($"Direct Line storage (Redis) is unavailable for conversation '{conversationId}': {ex.Message}", ex);
        }
    }
}
