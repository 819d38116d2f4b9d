using Dovetail.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Dovetail.Grains.Warehouse;

/// <summary>Registers the warehouse and its loader.</summary>
public static class WarehouseServiceCollectionExtensions
{
    /// <summary>
    /// Registers the warehouse: the PostgreSQL schema when the connection string <c>Dovetail</c> is set, otherwise
    /// the DuckDB file <c>Warehouse:DuckDbPath</c>. The lake must be registered too.
    /// </summary>
    public static IServiceCollection AddDovetailWarehouse(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<WarehouseOptions>()
            .Bind(configuration.GetSection(WarehouseOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var connectionString = configuration.GetConnectionString(DovetailSiloBuilderExtensions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            services.TryAddSingleton<IWarehouse, DuckDbWarehouse>();
        }
        else
        {
            services.TryAddSingleton<IWarehouse>(provider =>
                new PostgresWarehouse(connectionString, provider.GetRequiredService<IOptions<ClusterOptions>>()));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WarehouseLoader>();
        return services;
    }
}
