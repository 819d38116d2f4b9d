using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dovetail.Grains.Lookup;

/// <summary>
/// Registers the gazetteer lookup: options, the typed <see cref="GazetteerClient"/> and the silo-wide cache.
/// </summary>
public static class LookupServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="LookupOptions"/> from the <c>Lookup</c> section and validates them at start-up, and
    /// registers <see cref="GazetteerClient"/>, <see cref="LookupCache"/> and <see cref="TimeProvider"/> (when
    /// none is registered).
    /// </summary>
    public static IServiceCollection AddDovetailLookup(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<LookupOptions>()
            .Bind(configuration.GetSection(LookupOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LookupOptions>, LookupOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(provider => LookupCache.FromOptions(
            provider.GetRequiredService<IOptions<LookupOptions>>().Value,
            provider.GetRequiredService<TimeProvider>()));

        services.AddHttpClient<GazetteerClient>((provider, client) =>
        {
            client.BaseAddress = provider.GetRequiredService<IOptions<LookupOptions>>().Value.BaseAddress;

            // GazetteerClient applies LookupOptions.CallTimeout to the whole call, body included.
            client.Timeout = Timeout.InfiniteTimeSpan;
        });

        return services;
    }
}
