using Dovetail.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Dovetail.Grains.Hosting;

/// <summary>
/// Applies the PostgreSQL schema from a host's configuration, for the <c>migrate</c> command and for
/// <c>Storage:MigrateOnStart</c>.
/// </summary>
public static class DovetailSchema
{
    /// <summary>The setting that makes a host apply the schema before its silo starts.</summary>
    public const string MigrateOnStartKey = "Storage:MigrateOnStart";

    /// <summary>
    /// Applies the schema when a connection string is configured. Returns false when there is none, which local
    /// mode does not need.
    /// </summary>
    public static async Task<bool> MigrateAsync(IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var connectionString = configuration.GetConnectionString(DovetailSiloBuilderExtensions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        await SchemaMigrator.MigrateAsync(connectionString, logger, cancellationToken);
        return true;
    }

    /// <summary>Applies the schema when <see cref="MigrateOnStartKey"/> is true and a connection string is set.</summary>
    public static async Task MigrateOnStartAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.GetValue<bool>(MigrateOnStartKey))
        {
            return;
        }

        using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true));
        await MigrateAsync(configuration, loggerFactory.CreateLogger("Dovetail.Schema"), cancellationToken);
    }
}
