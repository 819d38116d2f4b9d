using System.Globalization;
using System.Security.Cryptography;

namespace Dovetail.Demo.Hosting;

/// <summary>
/// Starts the gazetteer stand-in and the API in local mode on free loopback ports, and stops both on dispose.
/// </summary>
internal sealed class LocalServices(RepositoryLayout layout, HttpClient http) : IAsyncDisposable
{
    private static readonly TimeSpan GazetteerStartLimit = TimeSpan.FromSeconds(60);

    // The API starts an Orleans silo in local mode, which takes longer than a plain web host.
    private static readonly TimeSpan ApiStartLimit = TimeSpan.FromSeconds(120);

    private ServiceProcess? _gazetteer;
    private ServiceProcess? _api;

    public Uri? GazetteerUrl { get; private set; }

    public Uri? ApiUrl { get; private set; }

    /// <summary>A random key generated for this run and given to the API as its development key.</summary>
    public string ApiKey { get; } = RandomNumberGenerator.GetHexString(32, lowercase: true);

    /// <summary>A file that contains <see cref="ApiKey"/>, readable only by the current user, for manual requests.</summary>
    public string ApiKeyPath => Path.Combine(layout.ArtifactsDirectory, "api-key");

    /// <summary>The lake folder of this run; it starts empty, like the rest of local mode's state.</summary>
    public string LakeRoot => Path.Combine(layout.ArtifactsDirectory, "lake");

    /// <summary>The file that lists this run's submission ids, one per line, for the reconcile command.</summary>
    public string SubmissionIdsPath => Path.Combine(layout.ArtifactsDirectory, "submissions.txt");

    public IEnumerable<string> LogPaths =>
        new[] { _gazetteer?.LogPath, _api?.LogPath }.OfType<string>();

    public async Task StartAsync(Action<string> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        RequireFile(layout.GazetteerAssembly, "Build it with: dotnet build -c Release tools/Gazetteer");
        RequireFile(layout.ApiAssembly, "Build it with: dotnet build -c Release src/Api");
        RequireFile(layout.GazetteerData, "Fetch it with: ./scripts/fetch-gazetteer.sh");

        Directory.CreateDirectory(layout.ArtifactsDirectory);
        WriteApiKeyFile();
        if (Directory.Exists(LakeRoot))
        {
            Directory.Delete(LakeRoot, recursive: true);
        }

        var stamp = DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Development",
        };

        GazetteerUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        _gazetteer = ServiceProcess.Start(
            "gazetteer stand-in",
            layout.GazetteerAssembly,
            layout.GazetteerProject,
            ["--urls", GazetteerUrl.AbsoluteUri.TrimEnd('/'), $"--Gazetteer:DataPath={layout.GazetteerData}"],
            environment,
            Path.Combine(layout.ArtifactsDirectory, $"gazetteer-{stamp}.log"));
        report($"Started the gazetteer stand-in at {GazetteerUrl} (log {_gazetteer.LogPath}).");

        var admin = new GazetteerAdminClient(http, GazetteerUrl);
        await ReadinessProbe.WaitAsync(http, admin.StatsUrl, _gazetteer, GazetteerStartLimit, cancellationToken);
        await admin.SetFaultsAsync(DemoFaults.Default, cancellationToken);
        report($"Gazetteer stand-in is ready; faults set: {DemoFaults.Default}.");

        ApiUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}/");

        // The key travels in the environment rather than on the command line, where other users could list it.
        var apiEnvironment = new Dictionary<string, string>(environment) { ["Auth__DevelopmentKey"] = ApiKey };
        _api = ServiceProcess.Start(
            "API",
            layout.ApiAssembly,
            layout.ApiProject,
            [
                "--urls", ApiUrl.AbsoluteUri.TrimEnd('/'),
                $"--Lookup:BaseAddress={GazetteerUrl.AbsoluteUri}",
                "--Submissions:AdditionalDataDeadline=00:05:00",
                $"--Lake:Root={LakeRoot}",

                // Its own silo and gateway ports, so the demo's silo never shares them with another local silo.
                $"--Orleans:SiloPort={FreePort.Next()}",
                $"--Orleans:GatewayPort={FreePort.Next()}",
                $"--Warehouse:DuckDbPath={Path.Combine(layout.ArtifactsDirectory, "warehouse", "dovetail.duckdb")}",

                // Short windows publish and query the last changes within seconds, before the demo checks the lake.
                "--Lake:Window=00:00:02",
            ],
            apiEnvironment,
            Path.Combine(layout.ArtifactsDirectory, $"api-{stamp}.log"));
        report($"Started the API at {ApiUrl} (log {_api.LogPath}).");

        await ReadinessProbe.WaitAsync(http, new Uri(ApiUrl, "health/ready"), _api, ApiStartLimit, cancellationToken);
        report("API is ready.");
    }

    public async ValueTask DisposeAsync()
    {
        // The API goes first, so it does not log lookup failures caused by the stand-in going away.
        try
        {
            if (_api is not null)
            {
                await _api.DisposeAsync();
            }
        }
        finally
        {
            if (_gazetteer is not null)
            {
                await _gazetteer.DisposeAsync();
            }
        }
    }

    private static void RequireFile(string path, string remedy)
    {
        if (!File.Exists(path))
        {
            throw new DemoSetupException($"Missing {path}. {remedy}");
        }
    }

    private void WriteApiKeyFile()
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        // An older file keeps its mode when overwritten, so it is removed first.
        File.Delete(ApiKeyPath);
        using var writer = new StreamWriter(ApiKeyPath, options);
        writer.Write(ApiKey);
    }
}
