using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dovetail.Grains.Lake.Queries;

public static class LakeQueryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the query step's options, validated at start, and <see cref="LakeQueryRunner"/>. The runner
    /// reads and writes through the <see cref="ILakeStore"/> registered elsewhere.
    /// </summary>
    public static IServiceCollection AddDovetailLakeQueries(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<LakeQueryOptions>()
            .Bind(configuration.GetSection(LakeQueryOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LakeQueryRunner>();
        return services;
    }
}
