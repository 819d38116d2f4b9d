using System.Globalization;
using System.Reflection;
using Dovetail.Benchmarks.Hosting;

namespace Dovetail.Benchmarks.Reading;

/// <summary>
/// Loads <c>GET /v1/submissions/{id}</c> of a completed submission on the API in local mode, then a bare
/// ASP.NET Core endpoint that serves the same bytes, with the same load settings, and compares the rates.
/// </summary>
internal static class GetBenchmark
{
    private static readonly TimeSpan BareStartTimeout = TimeSpan.FromSeconds(60);

    public static async Task<IReadOnlyList<GetComparison>> RunAsync(
        RepositoryLayout layout,
        GazetteerProcess gazetteer,
        ILoadGenerator generator,
        LoadSettings settings,
        int rounds,
        IReadOnlyList<string> hostArguments,
        CancellationToken cancellationToken)
    {
        await gazetteer.SetSyntheticItemsAsync(null, cancellationToken);
        await using var api = await ApiProcess.StartAsync(layout, gazetteer.BaseAddress, hostArguments, cancellationToken);
        Console.WriteLine($"get: Dovetail API started (process {api.ProcessId}) at {api.BaseAddress}");

        using var http = new HttpClient { BaseAddress = api.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", api.ApiKey);
        var (path, document) = await SubmissionSetup.CreateCompletedAsync(http, cancellationToken);
        var dovetailAddress = new Uri(api.BaseAddress, path);
        Console.WriteLine($"get: completed submission at {dovetailAddress}, {document.Length:N0} bytes");

        var documentPath = Path.Combine(layout.ArtifactsDirectory, "document.json");
        await File.WriteAllBytesAsync(documentPath, document, cancellationToken);
        var barePort = FreePort.Next();
        var bareAddress = new Uri($"http://127.0.0.1:{barePort}/{BareServer.DocumentPath}");
        await using var bare = await StartBareServerAsync(layout, documentPath, barePort, hostArguments, cancellationToken);
        await ExpectSameDocumentAsync(http, bareAddress, document, cancellationToken);
        Console.WriteLine($"get: bare endpoint started (process {bare.Id}) at {bareAddress}");

        Console.WriteLine(
            $"get: {generator.Name}, {settings.Connections} connections, {settings.Threads} threads, "
            + $"{settings.WarmUp.TotalSeconds:F0} s warm-up then {settings.Duration.TotalSeconds:F0} s per run");
        await generator.RunAsync(dovetailAddress, api.ApiKey, settings, settings.WarmUp, cancellationToken);
        await generator.RunAsync(bareAddress, api.ApiKey, settings, settings.WarmUp, cancellationToken);

        var comparisons = new List<GetComparison>();
        for (var round = 1; round <= rounds; round++)
        {
            Console.WriteLine($"get: round {round} of {rounds} ({MachineLoad.Describe()})");
            var dovetail = await MeasureAsync(
                generator, dovetailAddress, api.ApiKey, settings, () => api.ProcessorTime, cancellationToken);
            GetReport.WriteLine("Dovetail", dovetail);
            var reference = await MeasureAsync(
                generator, bareAddress, api.ApiKey, settings, () => bare.ProcessorTime, cancellationToken);
            GetReport.WriteLine("bare", reference);

            var comparison = new GetComparison(document.Length, settings, dovetail, reference);
            comparisons.Add(comparison);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  ratio     {comparison.Ratio:F2} (target >= {GetComparison.MinimumRatio:F1}): {GetReport.Verdict(comparison)}; "
                + $"processor time ratio {comparison.ProcessorRatio:F2}"));
        }

        return comparisons;
    }

    /// <summary>Runs the load once and reads the server's processor time before and after it.</summary>
    private static async Task<ServerRun> MeasureAsync(
        ILoadGenerator generator,
        Uri address,
        string apiKey,
        LoadSettings settings,
        Func<TimeSpan> serverProcessorTime,
        CancellationToken cancellationToken)
    {
        var before = serverProcessorTime();
        var load = await generator.RunAsync(address, apiKey, settings, settings.Duration, cancellationToken);
        return new ServerRun(load, serverProcessorTime() - before);
    }

    private static async Task<ChildProcess> StartBareServerAsync(
        RepositoryLayout layout,
        string documentPath,
        int port,
        IReadOnlyList<string> hostArguments,
        CancellationToken cancellationToken)
    {
        var address = new Uri($"http://127.0.0.1:{port}/");
        var assembly = Assembly.GetEntryAssembly()?.Location
            ?? throw new BenchmarkSetupException("The benchmark tool's own assembly path is unknown.");

        // The API runs with the server GC (the default of the web SDK), so the bare server does too.
        var process = ChildProcess.Start(
            "bare endpoint",
            assembly,
            layout.Root,
            [BenchmarkCommand.BareServer, documentPath, "--urls", $"http://127.0.0.1:{port}", .. hostArguments],
            new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" },
            Path.Combine(layout.ArtifactsDirectory, "bare.log"));
        try
        {
            using var http = new HttpClient();
            await ReadinessProbe.WaitAsync(
                http, process, new Uri(address, BareServer.DocumentPath), BareStartTimeout, cancellationToken);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return process;
    }

    private static async Task ExpectSameDocumentAsync(
        HttpClient http, Uri bareAddress, byte[] document, CancellationToken cancellationToken)
    {
        var served = await http.GetByteArrayAsync(bareAddress, cancellationToken);
        if (!served.AsSpan().SequenceEqual(document))
        {
            throw new BenchmarkSetupException(
                $"The bare endpoint served {served.Length} bytes that differ from the {document.Length}-byte document.");
        }
    }
}
