using Dovetail.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Dovetail.Grains.Tests;

/// <summary>A local-mode silo takes its ports from configuration, so silos on one machine can keep apart.</summary>
public sealed class LocalModePortTests
{
    [Fact]
    public void ConfiguredPorts_AreUsed()
    {
        var options = EndpointsOf(new Dictionary<string, string?>
        {
            ["Orleans:SiloPort"] = "21111",
            ["Orleans:GatewayPort"] = "23000",
        });

        Assert.Equal(21111, options.SiloPort);
        Assert.Equal(23000, options.GatewayPort);
    }

    [Fact]
    public void NoPorts_KeepOrleansDefaults()
    {
        var options = EndpointsOf([]);

        Assert.Equal(EndpointOptions.DEFAULT_SILO_PORT, options.SiloPort);
        Assert.Equal(EndpointOptions.DEFAULT_GATEWAY_PORT, options.GatewayPort);
    }

    // The host is built but never started, so nothing listens.
    private static EndpointOptions EndpointsOf(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.AddDovetail(builder.Configuration));
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
    }
}
