using System.Globalization;
using Dovetail.Grains.Hosting;
using Dovetail.Grains.Lake;
using Dovetail.Grains.Warehouse;
using Orleans.Configuration;

namespace Dovetail.Silo;

/// <summary>
/// The <c>warehouse load</c> command, which loads one lake day into the warehouse without starting a silo, with the
/// same configuration as the silo: the PostgreSQL schema when <c>ConnectionStrings:Dovetail</c> is set, the DuckDB
/// file otherwise. It exits 0 when the day is loaded or unchanged, 1 when the load failed and 2 on a usage error.
/// </summary>
internal static class WarehouseCommand
{
    public const string Name = "warehouse";

    private const string Usage =
        "Usage: warehouse load --date YYYY-MM-DD [--force]\n"
        + "  Loads the lake objects of that UTC day into the warehouse, replacing the day's rows. Without --force an\n"
        + "  unchanged day is left as it is.";

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, IConfiguration configuration)
    {
        string? problem = null;
        if (arguments is not [Name, "load", ..] || !TryReadDay(arguments, out var day, out problem))
        {
            await Console.Error.WriteLineAsync(problem ?? Usage);
            return 2;
        }

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole(console => console.SingleLine = true));
        services.Configure<ClusterOptions>(configuration.GetSection(DovetailSiloBuilderExtensions.OrleansSectionName));
        services.AddDovetailLake(configuration);
        services.AddDovetailWarehouse(configuration);
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        // Relative paths resolve against the working directory, which `dotnet run --project` may set to the project
        // folder, so the command prints which lake and warehouse it uses.
        Console.WriteLine(
            $"Lake: {provider.GetRequiredService<ILakeStore>().Location}. Warehouse: {provider.GetRequiredService<IWarehouse>().Location}.");
        try
        {
            var result = await provider.GetRequiredService<WarehouseLoader>()
                .LoadDayAsync(day, CommandArguments.OwnOf(arguments).Contains("--force"), CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Day:yyyy-MM-dd}: {result.Outcome.ToString().ToLowerInvariant()}, {result.Records} row(s) from "
                + $"{result.Objects} object(s), loaded at {result.LoadedAt:O}"));
            return 0;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The loader logged the cause. A store that is down, or a DuckDB file that a running silo has open, ends
            // here as well as a lake that does not match its manifests.
            await Console.Error.WriteLineAsync($"The load of {day:yyyy-MM-dd} failed, and the day keeps its previous rows: {exception.Message}");
            return 1;
        }
    }

    // The command's own arguments are exactly: warehouse load --date DAY, and --force anywhere after load.
    // Anything else, such as a misspelt flag, is rejected rather than ignored, because a load it changed could
    // replace a day with rows the operator did not mean.
    private static bool TryReadDay(IReadOnlyList<string> arguments, out DateOnly day, out string? problem)
    {
        day = default;
        problem = null;
        var own = CommandArguments.OwnOf(arguments);
        var index = own.IndexOf("--date");
        if (index < 0 || index + 1 >= own.Count)
        {
            return false;
        }

        var unknown = own.Where((argument, position) =>
                position > 1 && position != index && position != index + 1 && argument != "--force")
            .ToList();
        if (unknown.Count > 0)
        {
            problem = $"Unknown argument '{unknown[0]}'. Settings take the form --Key=value.\n{Usage}";
            return false;
        }

        var text = own[index + 1];
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            problem = $"Invalid --date '{text}': give a UTC day as YYYY-MM-DD, such as 2026-12-03.\n{Usage}";
            return false;
        }

        return true;
    }
}
