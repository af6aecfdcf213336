using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatBot.Web.Scaling;

/// <summary>
/// Reports whether this instance reaches Redis. A lost Redis is "degraded", not "unhealthy": every instance shares
/// it, so taking them all out of rotation would turn "I lost the thread" answers into no answers at all.
/// </summary>
internal sealed class RedisHealthCheck(IOptions<ScaleOutOptions> options, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.UsesRedis)
        {
            return HealthCheckResult.Healthy("in-memory state (Storage:Redis not set)");
        }
        try
        {
            var latency = await services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().PingAsync()
                .WaitAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"Redis ping {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception ex) when (RedisFailure.IsUnavailable(ex))
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis is unreachable", ex);
        }
    }
}
