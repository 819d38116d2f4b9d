using Dovetail.Grains.Lake;
using Dovetail.PostgreSql.Tests.Submissions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Dovetail.PostgreSql.Tests.Lake;

/// <summary>
/// Three PostgreSQL-mode silos that batch changes into a lake folder with two-second windows and 16 KiB objects, so
/// both limits trigger, and whose first object write fails half way.
/// </summary>
public sealed class LakeDeliveryFixture : SubmissionClusterFixture
{
    public const int Partitions = 4;

    public string LakeRoot { get; } = Path.Combine(Path.GetTempPath(), $"dovetail-lake-delivery-{Guid.NewGuid():N}");

    protected override short SiloCount => 3;

    protected override void Configure(IDictionary<string, string> settings)
    {
        settings["Lake:Root"] = LakeRoot;
        settings["Lake:Window"] = "00:00:02";
        settings["Lake:MaxObjectBytes"] = "16384";
        settings["Changes:Partitions"] = Partitions.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    protected override void Configure(TestClusterBuilder builder) =>
        builder.AddSiloBuilderConfigurator<FailingLakeConfigurator>();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(LakeRoot))
        {
            Directory.Delete(LakeRoot, recursive: true);
        }
    }

    /// <summary>Replaces each silo's lake store with the folder store wrapped in the half-way failure.</summary>
    public sealed class FailingLakeConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.Services.AddSingleton<ILakeStore>(services => new HalfWayFailingLakeStore(
                new LocalLakeStore(services.GetRequiredService<IOptions<LakeOptions>>()),
                services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
    }
}
