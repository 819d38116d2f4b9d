using Dovetail.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Dovetail.Grains.Tests;

/// <summary>
/// A cluster whose grain storage is wrapped by <see cref="ObservedGrainStorage"/>, with one-second reminder ticks.
/// </summary>
public sealed class FirstWriteFixture : ClusterFixture
{
    internal FirstWriteProbe Probe => FirstWriteProbe.For(ServiceId);

    protected override void Configure(IDictionary<string, string> settings) =>
        settings["Submissions:ReminderPeriod"] = "00:00:01";

    protected override void Configure(TestClusterBuilder builder) =>
        builder.AddSiloBuilderConfigurator<ObservedStorageConfigurator>();

    /// <summary>Replaces the registered grain storage with the observed wrapper around it.</summary>
    private sealed class ObservedStorageConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var services = siloBuilder.Services;
            var original = services.Last(descriptor =>
                descriptor.ServiceType == typeof(IGrainStorage)
                && descriptor.IsKeyedService
                && Equals(descriptor.ServiceKey, DovetailSiloBuilderExtensions.StorageName));
            services.Remove(original);
            services.AddKeyedSingleton<IGrainStorage>(original.ServiceKey, (provider, key) =>
            {
                var inner = (IGrainStorage)original.KeyedImplementationFactory!(provider, key);
                var serviceId = provider.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
                return new ObservedGrainStorage(
                    inner, provider.GetRequiredService<IReminderTable>(), FirstWriteProbe.For(serviceId));
            });
        }
    }
}
