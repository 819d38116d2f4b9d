using Dovetail.Grains.Lake.Buffer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Dovetail.Grains.Tests;

/// <summary>
/// A cluster whose batching grains write through <see cref="FaultyChangeBuffer"/>, with two-second lake windows.
/// Subclasses set <c>Lake:MaxDeliveryTime</c>.
/// </summary>
public abstract class FaultyBufferFixture : ClusterFixture
{
    internal ChangeBufferFaults Faults => ChangeBufferFaults.For(ServiceId);

    protected override void Configure(IDictionary<string, string> settings)
    {
        settings["Lake:Window"] = "00:00:02";
        settings["Lake:MaxObjectBytes"] = "10000000";
    }

    protected override void Configure(TestClusterBuilder builder) =>
        builder.AddSiloBuilderConfigurator<FaultyBufferConfigurator>();

    /// <summary>Registers the faulty buffer over the cluster's shared memory buffer, after the default one.</summary>
    private sealed class FaultyBufferConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.Services.AddSingleton<IChangeBuffer>(services =>
            {
                var serviceId = services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
                return new FaultyChangeBuffer(SharedChangeBuffers.For(serviceId), ChangeBufferFaults.For(serviceId));
            });
    }
}
