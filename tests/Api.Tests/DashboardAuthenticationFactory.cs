using System.Net;
using System.Net.Sockets;
using Dovetail.Api.Authentication;
using Dovetail.Grains.Telemetry;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Xunit;

namespace Dovetail.Api.Tests;

/// <summary>
/// Runs the gateway with its co-hosted silo on a real Kestrel server at 127.0.0.1 with a free port and
/// <c>Dashboard:RequireAuthentication</c> set, with one configured client. No lookup runs, so the gazetteer
/// address points at a closed port.
/// </summary>
public sealed class DashboardAuthenticationFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Key = "dashboard-test-key-3f6a1c";

    public DashboardAuthenticationFactory()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public ValueTask InitializeAsync()
    {
        StartServer();
        return ValueTask.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                [DashboardAuthentication.RequireAuthenticationKey] = "true",
                ["Auth:Clients:0:Id"] = "operator",
                ["Auth:Clients:0:KeyHash"] = ApiClientRegistry.HashKey(Key),
                ["Lookup:BaseAddress"] = "http://127.0.0.1:9/",
            }));

        // Localhost clustering listens on fixed ports by default; free ones let this run beside the other hosts.
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
