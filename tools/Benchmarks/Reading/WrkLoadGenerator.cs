using System.Diagnostics;

namespace Dovetail.Benchmarks.Reading;

/// <summary>
/// Runs <c>wrk</c> (Debian package <c>wrk</c>) as a child process and parses what it prints.
/// </summary>
internal sealed class WrkLoadGenerator(string executable, string version) : ILoadGenerator
{
    public string Name { get; } = $"wrk {version}";

    /// <summary>Returns the generator when <c>wrk</c> is on the PATH, or null.</summary>
    public static async Task<WrkLoadGenerator?> FindAsync(CancellationToken cancellationToken)
    {
        var executable = FindOnPath("wrk");
        if (executable is null)
        {
            return null;
        }

        // wrk prints its version with -v and then exits with status 1, so the status is ignored here.
        var (_, output) = await RunProcessAsync(executable, ["-v"], cancellationToken);
        var version = output.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var number, ..] ? number : "unknown";
        return new WrkLoadGenerator(executable, version);
    }

    public async Task<LoadResult> RunAsync(
        Uri address, string apiKey, LoadSettings settings, TimeSpan duration, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "-c", settings.Connections.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-t", settings.Threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-d", $"{Math.Max(1, (int)Math.Round(duration.TotalSeconds))}s",
            "--latency",
            "-H", $"X-Api-Key: {apiKey}",
            address.ToString(),
        ];
        var (exitCode, output) = await RunProcessAsync(executable, arguments, cancellationToken);
        if (exitCode != 0)
        {
            throw new BenchmarkSetupException($"wrk exited with status {exitCode}:{Environment.NewLine}{output}");
        }

        return WrkOutputParser.Parse(output, Name);
    }

    private static async Task<(int ExitCode, string Output)> RunProcessAsync(
        string executable, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new BenchmarkSetupException($"Could not start '{executable}'.");
        var standardOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var standardError = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await standardOutput + await standardError);
    }

    private static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
