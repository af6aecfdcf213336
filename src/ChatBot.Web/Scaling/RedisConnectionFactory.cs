using StackExchange.Redis;

namespace ChatBot.Web.Scaling;

/// <summary>
/// Opens the one Redis connection an instance shares, tuned to fail fast: when Redis is down a turn should hear
/// "unavailable" within about a second and answer the user, not queue commands until the channel gives up.
/// </summary>
internal static class RedisConnectionFactory
{
    private const int FastTimeoutMilliseconds = 1000;

    public static IConnectionMultiplexer Connect(string connectionString, ILogger logger)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false; // start (and keep retrying) even while Redis is down
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new ExponentialRetry(250, 2000);
        options.ClientName ??= "chatbot";
        // Keep a timeout the connection string names; shorten the library's 5 s defaults otherwise.
        if (!Names(connectionString, "connectTimeout"))
        {
            options.ConnectTimeout = FastTimeoutMilliseconds;
        }
        if (!Names(connectionString, "syncTimeout"))
        {
            options.SyncTimeout = FastTimeoutMilliseconds;
        }
        if (!Names(connectionString, "asyncTimeout"))
        {
            options.AsyncTimeout = FastTimeoutMilliseconds;
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
