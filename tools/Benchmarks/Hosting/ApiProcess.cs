using System.Security.Cryptography;

namespace Dovetail.Benchmarks.Hosting;

/// <summary>
/// The Dovetail API in local mode (silo in the same process, in-memory storage) on 127.0.0.1, with a development
/// key chosen here for this run.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly ChildProcess _process;

    private ApiProcess(ChildProcess process, Uri baseAddress, string apiKey)
    {
        _process = process;
        BaseAddress = baseAddress;
        ApiKey = apiKey;
    }

    public Uri BaseAddress { get; }

    /// <summary>The development key, sent as <c>X-Api-Key</c>.</summary>
    public string ApiKey { get; }

    public int ProcessId => _process.Id;

    /// <inheritdoc cref="ChildProcess.ProcessorTime"/>
    public TimeSpan ProcessorTime => _process.ProcessorTime;

    /// <param name="extraArguments">Further configuration arguments, such as a log level.</param>
    public static async Task<ApiProcess> StartAsync(
        RepositoryLayout layout,
        Uri gazetteerAddress,
        IReadOnlyList<string> extraArguments,
        CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var apiKey = "bench-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var process = ChildProcess.Start(
            "Dovetail API",
            layout.ApiAssembly,
            layout.ApiDirectory,
            [
                "--urls", $"http://127.0.0.1:{port}",
                $"--Lookup:BaseAddress={gazetteerAddress}",

                // The API runs in its project folder, so the lake and the warehouse would otherwise land in the sources.
                $"--Lake:Root={Path.Combine(layout.ArtifactsDirectory, "lake")}",
                $"--Warehouse:DuckDbPath={Path.Combine(layout.ArtifactsDirectory, "warehouse", "dovetail.duckdb")}",
                $"--Orleans:SiloPort={FreePort.Next()}",
                $"--Orleans:GatewayPort={FreePort.Next()}",
                .. extraArguments,
            ],
            new Dictionary<string, string> { ["Auth__DevelopmentKey"] = apiKey },
            Path.Combine(layout.ArtifactsDirectory, "api.log"));

        var api = new ApiProcess(process, baseAddress, apiKey);
        try
        {
            using var http = new HttpClient();
            await ReadinessProbe.WaitAsync(
                http, process, new Uri(baseAddress, "health/ready"), StartTimeout, cancellationToken);
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }

        return api;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
