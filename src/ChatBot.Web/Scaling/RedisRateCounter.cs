using ChatBot.Web.DirectLine;
using StackExchange.Redis;

namespace ChatBot.Web.Scaling;

/// <summary>
/// Counts the Direct Line rate limits in Redis for every instance at once: one Lua script increments a window's
/// counter and starts its expiry in one atomic step. While Redis is unreachable it answers "not counted" and the
/// limits fall back to each instance's own count; the first miss of an outage logs a warning, the first hit after it
/// logs the recovery.
/// </summary>
public sealed class RedisRateCounter(IConnectionMultiplexer redis, string keyPrefix, ILogger<RedisRateCounter> logger) : IRateCounter
{
    // KEYS[1] the window's counter; ARGV[1] the window in ms. Returns {count, ms left in the window}.
    private const string HitScript = """
        local count = redis.call('INCR', KEYS[1])
        local left = redis.call('PTTL', KEYS[1])
        if left < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          left = tonumber(ARGV[1])
        end
        return {count, left}
        """;

    private int _unavailable; // 1 while an outage is under way (logged once)

    public bool IsShared => true;

    public async ValueTask<RateWindowCount?> HitAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        try
        {
            var result = (RedisResult[])(await redis.GetDatabase()
                .ScriptEvaluateAsync(HitScript, [(RedisKey)(keyPrefix + "ratelimit:" + key)], [(long)window.TotalMilliseconds])
                .WaitAsync(cancellationToken).ConfigureAwait(false))!;
            if (Interlocked.Exchange(ref _unavailable, 0) == 1)
            {
                logger.LogInformation("Redis is back: the Direct Line rate limits count for every instance again");
            }
            return new RateWindowCount((long)result[0], TimeSpan.FromMilliseconds(Math.Max(0, (long)result[1])));
        }
        catch (Exception ex) when (RedisFailure.IsUnavailable(ex))
        {
            if (Interlocked.Exchange(ref _unavailable, 1) == 0)
            {
                logger.LogWarning("Redis is unavailable ({Reason}): the Direct Line rate limits count per instance until it is back, so N instances allow up to N times each limit",
                    ex.GetType().Name);
            }
            return null;
        }
    }
}
