using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatBot.Web.Scaling;

/// <summary>
/// Opens the Redis connection while the host starts, in the background, so the first turn does not pay for the
/// connect, and a Redis that is down at start delays nothing (the connection keeps retrying by itself).
/// </summary>
internal sealed class RedisWarmup(IOptions<ScaleOutOptions> options, IServiceProvider services, ILogger<RedisWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.UsesRedis)
        {
            _ = Task.Run(() =>
            {
                try
                {
                    services.GetRequiredService<IConnectionMultiplexer>();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // A bad connection string: the first turn reports it again; the host keeps serving.
                    logger.LogError(ex, "Could not open the Redis connection");
                }
            }, CancellationToken.None);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
