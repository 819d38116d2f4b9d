using System.Net.Http.Json;

namespace Dovetail.Benchmarks.Hosting;

/// <summary>
/// The gazetteer stand-in running as a separate process on 127.0.0.1, so that its allocations never count against
/// the process being measured.
/// </summary>
internal sealed class GazetteerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ChildProcess _process;
    private readonly HttpClient _admin;

    private GazetteerProcess(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _admin = new HttpClient { BaseAddress = baseAddress };
    }

    /// <summary>The address that <c>cities?country=XX</c> resolves against, ending with a slash.</summary>
    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <exception cref="BenchmarkSetupException">The stand-in did not start or its data file is missing.</exception>
    public static async Task<GazetteerProcess> StartAsync(RepositoryLayout layout, CancellationToken cancellationToken)
    {
        if (!File.Exists(layout.GazetteerData))
        {
            throw new BenchmarkSetupException(
                $"The gazetteer data file '{layout.GazetteerData}' is missing; run scripts/fetch-gazetteer.sh first.");
        }

        var port = FreePort.Next();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var process = ChildProcess.Start(
            "gazetteer stand-in",
            layout.GazetteerAssembly,
            layout.GazetteerDirectory,
            ["--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning"],
            new Dictionary<string, string>(),
            Path.Combine(layout.ArtifactsDirectory, "gazetteer.log"));

        var gazetteer = new GazetteerProcess(process, baseAddress);
        try
        {
            await ReadinessProbe.WaitAsync(
                gazetteer._admin, process, new Uri(baseAddress, "admin/faults"), StartTimeout, cancellationToken);
        }
        catch
        {
            await gazetteer.DisposeAsync();
            throw;
        }

        return gazetteer;
    }

    /// <summary>
    /// Makes every later <c>/cities</c> response start with <paramref name="count"/> generated items for the requested
    /// country, followed by that country's real entries; null serves the real data only.
    /// </summary>
    public async Task SetSyntheticItemsAsync(long? count, CancellationToken cancellationToken)
    {
        using var response = count is { } items
            ? await _admin.PutAsJsonAsync("admin/faults", new { syntheticItems = items }, cancellationToken)
            : await _admin.DeleteAsync(new Uri("admin/faults", UriKind.Relative), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchmarkSetupException(
                $"The stand-in rejected the fault settings with status {(int)response.StatusCode}: "
                + await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _process.DisposeAsync();
    }
}
