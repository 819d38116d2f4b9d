using Dovetail.Grains.Hosting;

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

        if (!await DovetailSchema.MigrateAsync(configuration, logger, CancellationToken.None))
        {
            await Console.Error.WriteLineAsync(
                "migrate needs a PostgreSQL connection string: set ConnectionStrings__Dovetail or pass --ConnectionStrings:Dovetail=...");
            return 2;
        }

        return 0;
    }
}
