using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatBot.Web.DirectLine;

/// <summary>Registers the Direct Line channel: options, tokens, the in-memory store and per-instance rate counting (unless others are registered) and the rate limits.</summary>
public static class DirectLineServices
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidation>();
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section).ValidateOnStart();
        services.AddSingleton<DirectLineTokens>();
        services.TryAddSingleton<IDirectLineStore, InMemoryDirectLineStore>();
        services.TryAddSingleton<IRateCounter, PerInstanceRateCounter>();
        services.AddSingleton<DirectLineChannel>();
        services.AddRateLimiter(DirectLineRateLimits.AddPolicies);
        return services;
    }
}
