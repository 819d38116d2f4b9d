namespace Dovetail.Benchmarks;

/// <summary>
/// The subcommands of the tool.
/// </summary>
internal static class BenchmarkCommand
{
    public const string Pick = "pick";
    public const string Get = "get";
    public const string All = "all";

    /// <summary>Runs the change stream into the lake in an in-process silo; <c>all</c> does not include it.</summary>
    public const string Lake = "lake";

    /// <summary>Loads a lake day into a DuckDB warehouse in process; <c>all</c> does not include it.</summary>
    public const string Warehouse = "warehouse";

    /// <summary>Runs the bare endpoint; the <c>get</c> benchmark starts the tool itself with it as a child process.</summary>
    public const string BareServer = "bare-server";
}
