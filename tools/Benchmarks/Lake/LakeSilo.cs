using System.Globalization;
using Dovetail.Benchmarks.Hosting;
using Dovetail.Grains.Hosting;
using Dovetail.Grains.Lake.Buffer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dovetail.Benchmarks.Lake;

/// <summary>
/// A local-mode Dovetail silo hosted in the benchmark process, configured as production configures it
/// (<see cref="DovetailSiloBuilderExtensions.AddDovetail"/>) apart from free ports and the lake settings.
/// </summary>
internal sealed class LakeSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private LakeSilo(IHost host)
    {
        _host = host;
    }

    /// <summary>The silo's own cluster client, which sends grain calls and stream events from outside any grain.</summary>
    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>The change buffer that the batching grains append to, read to find out what was delivered.</summary>
    public IChangeBuffer Buffer => _host.Services.GetRequiredService<IChangeBuffer>();

    /// <summary>Starts the silo with the lake in <paramref name="lakeRoot"/>; logs at Warning and above go to the console.</summary>
    public static async Task<LakeSilo> StartAsync(
        string lakeRoot, long maxObjectBytes, int partitions, TimeSpan window, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Lake:Root"] = lakeRoot,
            ["Lake:MaxObjectBytes"] = maxObjectBytes.ToString(CultureInfo.InvariantCulture),
            ["Lake:Window"] = window.ToString("c", CultureInfo.InvariantCulture),
            ["Changes:Partitions"] = partitions.ToString(CultureInfo.InvariantCulture),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);

        var siloPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
        builder.UseOrleans(silo =>
        {
            silo.AddDovetail(builder.Configuration);

            // AddDovetail chooses localhost clustering on Orleans' default ports in local mode. Another local silo
            // on this machine may hold them, so the benchmark's silo moves to free ports.
            silo.UseLocalhostClustering(siloPort, gatewayPort);
        });

        var host = builder.Build();
        var started = false;
        try
        {
            await host.StartAsync(cancellationToken);
            started = true;
            return new LakeSilo(host);
        }
        finally
        {
            if (!started)
            {
                host.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(CancellationToken.None);
        }
        finally
        {
            _host.Dispose();
        }
    }
}
