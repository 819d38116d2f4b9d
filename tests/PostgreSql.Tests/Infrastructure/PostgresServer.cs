using System.Diagnostics;
using Npgsql;

namespace Dovetail.PostgreSql.Tests.Infrastructure;

/// <summary>
/// Finds the PostgreSQL server for the tests: <c>DOVETAIL_TEST_POSTGRES</c> when it is set, otherwise the server that
/// <c>scripts/postgres.sh start</c> runs. Tests fail when no server can be reached; they never skip.
/// </summary>
internal static class PostgresServer
{
    public const string EnvironmentVariable = "DOVETAIL_TEST_POSTGRES";

    // Installing the postgresql package on a fresh machine takes minutes; starting an existing server takes seconds.
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(10);

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? adminConnectionString;

    /// <summary>Returns a connection string for a role that may create databases.</summary>
    public static async Task<string> GetAdminConnectionStringAsync(CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try
        {
            if (adminConnectionString is null)
            {
                var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
                var candidate = string.IsNullOrWhiteSpace(configured) ? await StartWithScriptAsync(ct) : configured;
                await EnsureReachableAsync(candidate, ct);
                adminConnectionString = candidate;
            }

            return adminConnectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> StartWithScriptAsync(CancellationToken ct)
    {
        var script = Path.Combine(FindRepositoryRoot(), "scripts", "postgres.sh");
        var startInfo = new ProcessStartInfo("bash")
        {
            ArgumentList = { script, "start" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start 'bash {script} start'.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ScriptTimeout);

        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"'{script} start' did not finish within {ScriptTimeout.TotalMinutes} minutes. "
                + $"Start PostgreSQL yourself and set {EnvironmentVariable}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{script} start' failed with exit code {process.ExitCode}: {await error}. "
                + $"Start PostgreSQL yourself and set {EnvironmentVariable}.");
        }

        // The script prints the connection string as its last line of standard output.
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length > 0
            ? lines[^1]
            : throw new InvalidOperationException($"'{script} start' printed no connection string.");
    }

    private static async Task EnsureReachableAsync(string connectionString, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
        }
        catch (NpgsqlException exception)
        {
            throw new InvalidOperationException(
                $"PostgreSQL at {builder.Host}:{builder.Port} (database {builder.Database}) cannot be reached. "
                + $"Run scripts/postgres.sh start, or set {EnvironmentVariable} to a reachable server.",
                exception);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Orleans.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above {AppContext.BaseDirectory} contains Orleans.sln, so scripts/postgres.sh cannot be found. "
            + $"Set {EnvironmentVariable} instead.");
    }
}
