using ChatBot.Core;
using ChatBot.Core.Curation;
using ChatBot.Web.Scaling;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatBot.Web.Curator;

/// <summary>Registers the curator's loop: the one event store (Redis with <c>Storage:Redis</c>, else SQLite under data/) and the recorder the bot feeds.</summary>
public static class CuratorServices
{
    public static IServiceCollection AddCurator(this IServiceCollection services)
    {
        services.AddOptions<CuratorOptions>().BindConfiguration(CuratorOptions.Section)
            .Validate(o => o.RetentionDays is > 0 and <= 3650, "Curator:RetentionDays must be between 1 and 3650")
            .Validate(o => o.MaxEvents is > 0 and <= 10_000_000, "Curator:MaxEvents must be between 1 and 10000000")
            .Validate(o => o.SignInsPerMinute > 0, "Curator:SignInsPerMinute must be at least 1")
            .Validate(o => o.Key is null || o.Key.Length == 0 || o.Key.Length >= 16, "Curator:Key must be at least 16 characters (or unset, which turns /curator off)")
            .ValidateOnStart();
        services.AddSingleton<ICuratorStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CuratorOptions>>().Value;
            var scaleOut = sp.GetRequiredService<IOptions<ScaleOutOptions>>().Value;
            var clock = sp.GetRequiredService<TimeProvider>();
            if (scaleOut.UsesRedis)
            {
                return new RedisCuratorStore(sp.GetRequiredService<IConnectionMultiplexer>(), options, clock, scaleOut.RedisKeyPrefix);
            }
            var path = Path.Combine(sp.GetRequiredService<ChatBotPaths>().Root, options.DatabasePath);
            return new SqliteCuratorStore(path, options, clock);
        });
        services.AddSingleton<CuratorRecorder>();
        services.AddRateLimiter(limits => limits.AddPolicy(CuratorSignInLimit.Policy, new CuratorSignInLimit()));
        return services;
    }
}
