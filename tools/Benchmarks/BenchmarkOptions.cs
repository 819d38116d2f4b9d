using System.Globalization;

namespace Dovetail.Benchmarks;

/// <summary>
/// The command line of the tool: a subcommand followed by options.
/// </summary>
internal sealed record BenchmarkOptions
{
    public const string Usage = """
        Usage: Dovetail.Benchmarks <pick|get|all|lake|warehouse> [options]

          pick   peak managed memory of the gazetteer client while it picks one item from large JSON arrays
          get    requests per second and p99 latency of GET /v1/submissions/{id} against a bare endpoint
          all    both, pick first
          lake   events per second from the change stream into lake objects, against writing the same objects directly
          warehouse  time, rows per second and peak managed memory of loading one lake day into a DuckDB warehouse

        Options:
          --synthetic-items N  generated items in the synthetic array, about 100 bytes each (default 5000000)
          --duration S         seconds of each measured load run (default 10)
          --warm-up S          seconds of the unmeasured load run on each endpoint first (default 5)
          --connections N      concurrent connections of the load generator (default 64)
          --threads N          threads of wrk (default 2)
          --rounds N           measured rounds of the get comparison, each loading both endpoints (default 1)
          --generator NAME     wrk or http (an in-process HttpClient loop); default wrk when it is on the PATH
          --log-level LEVEL    Logging:LogLevel:Default for the API and the bare endpoint (default: their own)
          --events N           change events that the lake benchmark publishes (default 50000), or that the
                               warehouse benchmark puts in its day, 1000 per object
          --publishers N       concurrent publishing loops of the lake benchmark (default 64)
          --max-object-bytes N Lake:MaxObjectBytes of the lake benchmark's silo (default 1048576)
        """;

    // LakeOptions.MaxObjectBytes rejects smaller limits, so the silo would not start.
    private const long MinimumObjectBytes = 1024;

    public required string Command { get; init; }

    public long SyntheticItems { get; init; } = 5_000_000;

    public int DurationSeconds { get; init; } = 10;

    public int WarmUpSeconds { get; init; } = 5;

    public int Connections { get; init; } = 64;

    public int Threads { get; init; } = 2;

    public int Rounds { get; init; } = 1;

    /// <summary>The requested load generator, or null to use wrk when it is installed.</summary>
    public string? Generator { get; init; }

    public string? LogLevel { get; init; }

    public int Events { get; init; } = 50_000;

    public int Publishers { get; init; } = 64;

    public long MaxObjectBytes { get; init; } = 1024 * 1024;

    /// <summary>Parses the arguments, or returns an error message that names the invalid argument.</summary>
    public static (BenchmarkOptions? Options, string? Error) Parse(IReadOnlyList<string> arguments)
    {
        if (arguments.Count == 0 || arguments[0] is not (BenchmarkCommand.Pick or BenchmarkCommand.Get or BenchmarkCommand.All
            or BenchmarkCommand.Lake or BenchmarkCommand.Warehouse))
        {
            return (null, arguments.Count == 0 ? "A subcommand is required." : $"Unknown subcommand '{arguments[0]}'.");
        }

        var options = new BenchmarkOptions { Command = arguments[0] };
        for (var index = 1; index < arguments.Count; index += 2)
        {
            var name = arguments[index];
            if (index + 1 >= arguments.Count)
            {
                return (null, $"The option '{name}' needs a value.");
            }

            var value = arguments[index + 1];
            BenchmarkOptions? next = name switch
            {
                "--synthetic-items" => ParsePositive(value) is { } items ? options with { SyntheticItems = items } : null,
                "--duration" => ParsePositive(value) is { } seconds ? options with { DurationSeconds = (int)seconds } : null,
                "--warm-up" => ParsePositive(value) is { } warmUp ? options with { WarmUpSeconds = (int)warmUp } : null,
                "--connections" => ParsePositive(value) is { } connections ? options with { Connections = (int)connections } : null,
                "--threads" => ParsePositive(value) is { } threads ? options with { Threads = (int)threads } : null,
                "--rounds" => ParsePositive(value) is { } rounds ? options with { Rounds = (int)rounds } : null,
                "--generator" when value is "wrk" or "http" => options with { Generator = value },
                "--log-level" when value.Length > 0 => options with { LogLevel = value },
                "--events" => ParsePositive(value) is { } events ? options with { Events = (int)events } : null,
                "--publishers" => ParsePositive(value) is { } publishers ? options with { Publishers = (int)publishers } : null,
                "--max-object-bytes" => ParsePositive(value) is { } bytes and >= MinimumObjectBytes
                    ? options with { MaxObjectBytes = bytes }
                    : null,
                _ => null,
            };
            if (next is null)
            {
                return (null, $"Invalid option or value: '{name} {value}'.");
            }

            options = next;
        }

        return (options, null);
    }

    private static long? ParsePositive(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= int.MaxValue
            ? value
            : null;
}
