using System.Net;
using System.Net.Sockets;
using Dovetail.Api.Authentication;
using Dovetail.Gazetteer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Xunit;

[assembly: AssemblyFixture(typeof(Dovetail.Api.Tests.ApiFactory))]

namespace Dovetail.Api.Tests;

/// <summary>
/// Runs the gateway with its co-hosted silo on a real Kestrel server at 127.0.0.1 with a free port, once for
/// the whole test assembly, with two configured clients and the gazetteer stand-in serving the real GeoNames list.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ClientA = "client-a";
    public const string ClientB = "client-b";
    public const string KeyA = "test-key-a-7d0b3f1e";
    public const string KeyB = "test-key-b-52c9a8d4";
    public const int MaxBodyBytes = 262144;

    private RunningGazetteer? gazetteer;

    public ApiFactory()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public async ValueTask InitializeAsync()
    {
        gazetteer = await GazetteerServer.StartAsync(RepositoryFiles.GazetteerData, cancellationToken: TestContext.Current.CancellationToken);
        StartServer();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (gazetteer is not null)
        {
            await gazetteer.DisposeAsync();
        }
    }

    /// <summary>Creates a client that sends the key of <paramref name="apiKey"/>, or no key when null.</summary>
    public HttpClient CreateApiClient(string? apiKey = KeyA)
    {
        var client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, apiKey);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["Auth:Clients:0:Id"] = ClientA,
                ["Auth:Clients:0:KeyHash"] = ApiClientRegistry.HashKey(KeyA),
                ["Auth:Clients:1:Id"] = ClientB,
                ["Auth:Clients:1:KeyHash"] = ApiClientRegistry.HashKey(KeyB),
                ["Lookup:BaseAddress"] = gazetteer?.BaseAddress.ToString(),
            }));

        // Localhost clustering listens on fixed ports by default; free ones let this run beside a local silo.
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
        });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
