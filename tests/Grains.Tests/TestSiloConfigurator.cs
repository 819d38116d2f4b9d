using Dovetail.Grains.Hosting;
using Dovetail.Grains.Lake.Buffer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
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
        siloBuilder.AddLocalChangeStream();
        siloBuilder.Services.AddSingleton<IChangeBuffer>(services =>
            SharedChangeBuffers.For(services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        siloBuilder.AddDovetailGrains(siloBuilder.Configuration);
    }
}

/// <summary>
/// Gives the test cluster's client the change stream provider, so tests can subscribe to change events.
/// </summary>
public sealed class TestClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.AddMemoryStreams(Dovetail.Grains.Abstractions.Changes.ChangeStreams.ProviderName);
}
