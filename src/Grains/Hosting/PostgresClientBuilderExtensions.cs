using Orleans.Configuration;

namespace Dovetail.Grains.Hosting;

/// <summary>Configures an Orleans client, such as the API gateway, to find silos through PostgreSQL.</summary>
public static class PostgresClientBuilderExtensions
{
    /// <summary>Reads the gateway list from the ADO.NET membership table in PostgreSQL.</summary>
    public static IClientBuilder UsePostgresClustering(this IClientBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        builder.UseAdoNetClustering(options =>
        {
            options.Invariant = PostgresSiloBuilderExtensions.Invariant;
            options.ConnectionString = connectionString;
        });

        return builder;
    }
}
