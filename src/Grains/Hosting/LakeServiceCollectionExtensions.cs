using Dovetail.Grains.Lake;
using Dovetail.Grains.Lake.Queries;
using Dovetail.Grains.Lake.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dovetail.Grains.Hosting;

/// <summary>Registers the lake: its options, object store, publisher, window clock and query step.</summary>
public static class LakeServiceCollectionExtensions
{
    /// <summary>
    /// Registers what the batching grains and the lake commands share. The store is an S3 bucket when
    /// <c>Lake:S3:Bucket</c> is set, otherwise the folder <c>Lake:Root</c>.
    /// </summary>
    public static IServiceCollection AddDovetailLake(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<LakeOptions>()
            .Bind(configuration.GetSection(LakeOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddDovetailLakeStore(configuration);
        services.AddDovetailLakeQueries(configuration);
        services.TryAddSingleton<LakePublisher>();
        services.TryAddSingleton<LakeClock>();
        return services;
    }
}
