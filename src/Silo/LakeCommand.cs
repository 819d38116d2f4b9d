using Dovetail.Grains.Hosting;
using Dovetail.Grains.Lake;
using Dovetail.Grains.Lake.Queries;

namespace Dovetail.Silo;

/// <summary>
/// The <c>lake</c> commands, which work on the lake without starting a silo. <c>lake replay</c> runs the query step
/// again for every object in the dead-letter location, for example after a fix, and exits non-zero when any still
/// fails.
/// </summary>
internal static class LakeCommand
{
    public const string Name = "lake";

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, IConfiguration configuration)
    {
        if (arguments is not [Name, "replay", ..])
        {
            await Console.Error.WriteLineAsync("Usage: lake replay   (runs the query step again for every dead-lettered object)");
            return 2;
        }

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole(console => console.SingleLine = true));
        services.AddDovetailLake(configuration);
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        return await LakeQueryReplay.ReplayAsync(
            provider.GetRequiredService<LakeQueryRunner>(),
            provider.GetRequiredService<ILakeStore>(),
            Console.Out,
            CancellationToken.None);
    }
}
