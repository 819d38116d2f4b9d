using Dovetail.Grains.Hosting;
using Dovetail.Storage;

namespace Dovetail.Silo;

/// <summary>
/// The <c>migrate</c> command: creates or updates the PostgreSQL schema of the Orleans providers and exits.
/// </summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(IConfiguration configuration)
    {
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true));
        var logger = loggerFactory.CreateLogger("Dovetail.Silo.Migrate");

        var connectionString = configuration.GetConnectionString(DovetailSiloBuilderExtensions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync(
                "migrate needs a PostgreSQL connection string: set ConnectionStrings__Dovetail or pass --ConnectionStrings:Dovetail=...");
            return 2;
        }

        await SchemaMigrator.MigrateAsync(connectionString, logger, CancellationToken.None);
        return 0;
    }
}
