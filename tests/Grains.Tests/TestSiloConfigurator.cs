using Dovetail.Grains.Hosting;
using Orleans.TestingHost;

namespace Dovetail.Grains.Tests;

/// <summary>
/// Configures each test silo like a local-mode silo, but leaves membership to the test cluster.
/// </summary>
public sealed class TestSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddMemoryGrainStorage(DovetailSiloBuilderExtensions.StorageName);
        siloBuilder.UseInMemoryReminderService();
        siloBuilder.AddDovetailGrains(siloBuilder.Configuration);
    }
}
