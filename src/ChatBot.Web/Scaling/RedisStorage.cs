using ChatBot.Core.Dialogs;
using StackExchange.Redis;

namespace ChatBot.Web.Scaling;

/// <summary>
/// The <see cref="IStorage"/> that several bot instances share: each item is a Redis hash of value and ETag, written
/// by a Lua script that checks the ETag and writes in one atomic step, and dropped by Redis after the same idle time
/// as the in-memory store's.
/// </summary>
public sealed class RedisStorage(IConnectionMultiplexer redis, RedisStorageOptions options) : IStorage
{
    // Reading counts as using the item, as in MemoryStorage: it restarts the idle clock.
    private const string ReadScript = """
        local item = redis.call('HMGET', KEYS[1], 'v', 'e')
        if item[1] then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return item
        """;

    // ARGV: 1 conditional ('1'/'0'), 2 expected ETag ('' = must be absent), 3 value, 4 new ETag, 5 idle ms.
    private const string WriteScript = """
        if ARGV[1] == '1' then
          local current = redis.call('HGET', KEYS[1], 'e')
          if ARGV[2] == '' then
            if current then return 0 end
          elseif current ~= ARGV[2] then
            return 0
          end
        end
        redis.call('HSET', KEYS[1], 'v', ARGV[3], 'e', ARGV[4])
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        return 1
        """;

    private readonly long _idleMilliseconds = (long)options.IdleExpiry.TotalMilliseconds;

    public async Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var result = await RunAsync(key, db => db.ScriptEvaluateAsync(ReadScript, [Key(key)], [_idleMilliseconds]), cancellationToken)
            .ConfigureAwait(false);
        var fields = (RedisValue[])result!;
        return fields[0].IsNull ? null : new StoredItem(fields[0]!, fields[1]!);
    }

    public async Task<string> WriteAsync(string key, string value, string? eTag, CancellationToken cancellationToken)
    {
        // A random ETag, not a counter: an item that expired and was created again must not accept a stale ETag.
        var newTag = Guid.NewGuid().ToString("N");
        var result = await RunAsync(key, db => db.ScriptEvaluateAsync(WriteScript, [Key(key)],
            [eTag is null ? "0" : "1", eTag ?? string.Empty, value, newTag, _idleMilliseconds]), cancellationToken).ConfigureAwait(false);
        if ((long)result != 1)
        {
            throw new StorageConflictException(key);
        }
        return newTag;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        RunAsync(key, db => db.KeyDeleteAsync(Key(key)), cancellationToken);

    private RedisKey Key(string key) => options.KeyPrefix + key;

    private async Task<T> RunAsync<T>(string key, Func<IDatabase, Task<T>> command, CancellationToken cancellationToken)
    {
        try
        {
            return await command(redis.GetDatabase()).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisFailure.IsUnavailable(ex))
        {
            throw new StorageUnavailableException($"Conversation state storage (Redis) is unavailable for '{key}': {ex.Message}", ex);
        }
    }
}
