using ChatBot.Core.Dialogs;
using ChatBot.Web.DirectLine;
using ChatBot.Web.Scaling;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection; // where AddXxx extensions live, so the host needs no extra using

/// <summary>
/// Moves the instance's shared state to Redis when <c>Storage:Redis</c> is set: conversation state
/// (<see cref="IStorage"/>), Direct Line conversations, their token key and rate-limit counts, and the data-protection
/// key ring, so any instance can serve any turn and a limit holds for the fleet. Without the setting every default stays in memory.
/// </summary>
public static class ScaleOutExtensions
{
    /// <summary>The Redis key (after the prefix) of the data-protection key ring.</summary>
    public const string DataProtectionKey = "data-protection-keys";

    /// <summary>Call after the brain is registered: it swaps the in-memory <see cref="IStorage"/> out when Redis is configured.</summary>
    public static IServiceCollection AddChatBotScaleOut(this IServiceCollection services)
    {
        // Decided when services are first resolved, not here: test hosts and late configuration sources are seen too.
        services.AddOptions<ScaleOutOptions>().BindConfiguration(ScaleOutOptions.Section)
            .Validate(options => !options.UsesRedis || IsConnectionString(options.Redis!),
                "Storage:Redis is not a Redis connection string (expected host:port[,option=value...], e.g. 127.0.0.1:6379)")
            .ValidateOnStart();
        services.AddSingleton<IConnectionMultiplexer>(sp => RedisConnectionFactory.Connect(
            sp.GetRequiredService<IOptions<ScaleOutOptions>>().Value.Redis
                ?? throw new InvalidOperationException("Storage:Redis is not set; nothing should ask for a Redis connection."),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("ChatBot.Web.Scaling.Redis")));

        services.Decorate<IStorage>((sp, inMemory) =>
        {
            var options = sp.GetRequiredService<IOptions<ScaleOutOptions>>().Value;
            if (!options.UsesRedis)
            {
                return inMemory();
            }
            var memory = sp.GetRequiredService<IConfiguration>().GetSection("Storage:Memory").Get<MemoryStorageOptions>() ?? new MemoryStorageOptions();
            return new RedisStorage(sp.GetRequiredService<IConnectionMultiplexer>(),
                new RedisStorageOptions { KeyPrefix = options.RedisKeyPrefix, IdleExpiry = memory.IdleExpiry });
        });

        // Direct Line registers its in-memory store with TryAdd after this call; whichever order, the choice is made here.
        Func<IServiceProvider, Func<IDirectLineStore>, IDirectLineStore> directLine = (sp, inMemory) =>
        {
            var options = sp.GetRequiredService<IOptions<ScaleOutOptions>>().Value;
            return options.UsesRedis
                ? new RedisDirectLineStore(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<IOptions<DirectLineOptions>>(),
                    sp.GetRequiredService<TimeProvider>(), options.RedisKeyPrefix)
                : inMemory();
        };
        if (!services.Decorate(directLine))
        {
            services.AddSingleton<IDirectLineStore>(sp => directLine(sp, () => ActivatorUtilities.CreateInstance<InMemoryDirectLineStore>(sp)));
        }
        Func<IServiceProvider, Func<IRateCounter>, IRateCounter> rateCounter = (sp, perInstance) =>
        {
            var options = sp.GetRequiredService<IOptions<ScaleOutOptions>>().Value;
            return options.UsesRedis
                ? new RedisRateCounter(sp.GetRequiredService<IConnectionMultiplexer>(), options.RedisKeyPrefix, sp.GetRequiredService<ILogger<RedisRateCounter>>())
                : perInstance();
        };
        if (!services.Decorate(rateCounter))
        {
            services.AddSingleton<IRateCounter>(sp => rateCounter(sp, () => new PerInstanceRateCounter()));
        }
        services.AddSingleton<IPostConfigureOptions<DirectLineOptions>, SharedDirectLineSigningKey>();

        services.AddDataProtection();
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<ScaleOutOptions>, IServiceProvider>((keys, scaleOut, sp) =>
        {
            if (scaleOut.Value.UsesRedis)
            {
                keys.XmlRepository = new RedisXmlRepository(
                    () => sp.GetRequiredService<IConnectionMultiplexer>().GetDatabase(), scaleOut.Value.RedisKeyPrefix + DataProtectionKey);
            }
        });
        services.AddOptions<DataProtectionOptions>().Configure<IOptions<ScaleOutOptions>>((protection, scaleOut) =>
        {
            if (scaleOut.Value.UsesRedis)
            {
                // Every instance must share one discriminator (the default is the content root path, which may differ).
                protection.ApplicationDiscriminator = "ChatBot";
            }
        });

        services.AddHostedService<RedisWarmup>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded);
        return services;
    }

    private static bool IsConnectionString(string value)
    {
        try
        {
            return ConfigurationOptions.Parse(value).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
