using StackExchange.Redis;

namespace ChatBot.Web.Scaling;

/// <summary>Tells a Redis outage (no connection, a timeout, a server that is loading or read-only) from a bug in a command.</summary>
internal static class RedisFailure
{
    private static readonly string[] TransientServerErrors = ["LOADING", "READONLY", "MASTERDOWN", "BUSY", "TRYAGAIN", "CLUSTERDOWN"];

    public static bool IsUnavailable(Exception ex) => ex switch
    {
        RedisConnectionException or RedisTimeoutException or TimeoutException => true,
        RedisServerException server => TransientServerErrors.Any(code => server.Message.StartsWith(code, StringComparison.Ordinal)),
        ObjectDisposedException => true, // the multiplexer is closing with the host
        _ => false,
    };
}
