using System.Net;
using System.Net.Sockets;
using Dovetail.Api.Authentication;
using Dovetail.Gazetteer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Dovetail.Cases.Tests;

/// <summary>
/// The whole product in local mode: the API with its co-hosted silo on a real Kestrel port, enriching from the
/// real gazetteer stand-in on another loopback port. Each test class gets its own, so faults stay in the class.
/// </summary>
public class DovetailApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ClientId = "case-client";
    public const string ApiKey = "case-key-4f1d9a2c";

    public RunningGazetteer Gazetteer { get; private set; } = null!;

    /// <summary>Every log line the application wrote, for checks on what operators would see.</summary>
    public RecordingLoggerProvider Logs { get; } = new();

    public DovetailApp()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    /// <summary>Adds to the application's services, for example an exporter that keeps spans for the test.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual async ValueTask InitializeAsync()
    {
        Gazetteer = await GazetteerServer.StartAsync(RepositoryFiles.GazetteerData, cancellationToken: TestContext.Current.CancellationToken);
        StartServer();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Gazetteer is not null)
        {
            await Gazetteer.DisposeAsync();
        }

        Logs.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates a client with its own connection pool, sending the test client's API key.</summary>
    public HttpClient CreateApiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, ApiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Clients:0:Id"] = ClientId,
            ["Auth:Clients:0:KeyHash"] = ApiClientRegistry.HashKey(ApiKey),
            ["Lookup:BaseAddress"] = Gazetteer.BaseAddress.ToString(),
            ["Lookup:RequestsPerSecond"] = "100",
            ["Lookup:BaseDelay"] = "00:00:00.050",
            ["Lookup:MaxDelay"] = "00:00:00.500",
        };
        Configure(settings);

        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));

        // Localhost clustering listens on fixed ports by default; free ones let classes run side by side.
        var siloPort = FreePort();
        var gatewayPort = FreePort();
        builder.ConfigureServices(services =>
        {
            services.PostConfigure<EndpointOptions>(options =>
            {
                options.SiloPort = siloPort;
                options.GatewayPort = gatewayPort;
            });
            services.PostConfigure<DevelopmentClusterMembershipOptions>(options =>
                options.PrimarySiloEndpoint = new IPEndPoint(IPAddress.Loopback, siloPort));
            ConfigureServices(services);
        });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
