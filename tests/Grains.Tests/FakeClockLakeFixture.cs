using System.Collections.Concurrent;
using Dovetail.Grains.Lake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Dovetail.Grains.Tests;

/// <summary>
/// A cluster whose batching windows read one fake clock and last an hour, so a test decides when a window ends by
/// advancing the clock, and no real timer ends one while the test runs.
/// </summary>
public sealed class FakeClockLakeFixture : ClusterFixture
{
    private static readonly ConcurrentDictionary<string, FakeTimeProvider> Clocks = new(StringComparer.Ordinal);

    /// <summary>The start of the first window the tests use.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock => Clocks.GetOrAdd(ServiceId, _ => new FakeTimeProvider(Start));

    protected override void Configure(IDictionary<string, string> settings)
    {
        settings["Lake:Window"] = "01:00:00";
        settings["Lake:MaxObjectBytes"] = "10000000";
    }

    protected override void Configure(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<ClockConfigurator>();

    /// <summary>Gives each silo's batching windows the cluster's fake clock.</summary>
    public sealed class ClockConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.Services.AddSingleton(services => new LakeClock(
                Clocks.GetOrAdd(services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId, _ => new FakeTimeProvider(Start))));
    }
}
