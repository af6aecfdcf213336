using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBot.Web.Scaling;

/// <summary>Wraps or swaps a registered service without touching the code that registered it.</summary>
internal static class ServiceCollectionDecoration
{
    /// <summary>
    /// Replaces the last registration of <typeparamref name="T"/> by <paramref name="decorate"/>, which gets a way to
    /// create the original on demand (so a swapped-out default is never built). False when nothing is registered.
    /// </summary>
    public static bool Decorate<T>(this IServiceCollection services, Func<IServiceProvider, Func<T>, T> decorate)
        where T : class
    {
        var index = -1;
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(T) && !services[i].IsKeyedService)
            {
                index = i;
                break;
            }
        }
        if (index < 0)
        {
            return false;
        }
        var original = services[index];
        services[index] = ServiceDescriptor.Describe(typeof(T), sp => decorate(sp, () => (T)Create(sp, original)), original.Lifetime);
        return true;
    }

    private static object Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
