using StackExchange.Redis;

namespace ChatBot.Web.Scaling;

/// <summary>
/// Opens the one Redis connection an instance shares, tuned to fail fast once running: while Redis is down a turn
/// hears "unavailable" at once (no backlog) and a hung Redis within two seconds, so the user gets an answer instead of
/// a request that waits until the channel gives up. The first connect may take the library's usual 5 s.
/// </summary>
public static class RedisConnectionFactory
{
    private const int CommandTimeoutMilliseconds = 2000;

    public static IConnectionMultiplexer Connect(string connectionString, ILogger logger)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false; // start (and keep retrying) even while Redis is down
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new ExponentialRetry(250, 2000);
        options.ClientName ??= "chatbot";
        // Keep a timeout the connection string names; shorten the library's 5 s command timeouts otherwise.
        if (!Names(connectionString, "syncTimeout"))
        {
            options.SyncTimeout = CommandTimeoutMilliseconds;
        }
        if (!Names(connectionString, "asyncTimeout"))
        {
            options.AsyncTimeout = CommandTimeoutMilliseconds;
        }

        var redis = ConnectionMultiplexer.Connect(options);
        redis.ConnectionFailed += (_, e) =>
            logger.LogWarning("Redis connection to {Endpoint} failed ({FailureType}); turns answer without state until it is back", e.EndPoint, e.FailureType);
        redis.ConnectionRestored += (_, e) => logger.LogInformation("Redis connection to {Endpoint} restored", e.EndPoint);
        if (!redis.IsConnected)
        {
            logger.LogWarning("Redis at {Endpoints} is not reachable at start; retrying in the background",
                string.Join(", ", options.EndPoints));
        }
        return redis;
    }

    private static bool Names(string connectionString, string option) =>
        connectionString.Contains(option + "=", StringComparison.OrdinalIgnoreCase);
}
