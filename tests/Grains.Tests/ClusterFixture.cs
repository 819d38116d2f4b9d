using Dovetail.Gazetteer;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Dovetail.Grains.Tests;

/// <summary>
/// A two-silo test cluster in local mode, enriching from a real gazetteer stand-in on a loopback port.
/// Subclasses change the settings that a test class needs.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    public RunningGazetteer Gazetteer { get; private set; } = null!;

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>This cluster's own lake folder, removed when the fixture is disposed.</summary>
    public string LakeRoot { get; } = Path.Combine(Path.GetTempPath(), $"dovetail-lake-{Guid.NewGuid():N}");

    /// <summary>This cluster's own DuckDB warehouse file, beside the lake folder and removed with it.</summary>
    public string WarehousePath => Path.Combine(LakeRoot, "warehouse", "dovetail.duckdb");

    /// <summary>The service id of this cluster, which keeps its shared test services apart from other clusters'.</summary>
    public string ServiceId { get; } = $"dovetail-grains-{Guid.NewGuid():N}";

    /// <summary>Returns the names of the reminders the reminder service holds for <paramref name="grain"/>.</summary>
    public async Task<IReadOnlyList<string>> ReadRemindersAsync(IAddressable grain)
    {
        var services = Cluster.Silos.OfType<InProcessSiloHandle>().First(silo => silo.IsActive).ServiceProvider;
        var rows = await services.GetRequiredService<IReminderTable>().ReadRows(grain.GetGrainId());
        return [.. rows.Reminders.Select(entry => entry.ReminderName).Order(StringComparer.Ordinal)];
    }

    protected virtual void Configure(IDictionary<string, string> settings)
    {
    }

    /// <summary>Runs after the cluster is built and before its silos start, for example to put data in the lake.</summary>
    protected virtual Task BeforeDeployAsync() => Task.CompletedTask;

    /// <summary>Adds to the cluster before it is built, for example a silo configurator that replaces a service.</summary>
    protected virtual void Configure(TestClusterBuilder builder)
    {
    }

    public async ValueTask InitializeAsync()
    {
        Gazetteer = await GazetteerServer.StartAsync(GazetteerData.Path, cancellationToken: TestContext.Current.CancellationToken);

        var builder = new TestClusterBuilder(2);
        builder.Options.ServiceId = ServiceId;
        var settings = new Dictionary<string, string>
        {
            ["Lookup:BaseAddress"] = Gazetteer.BaseAddress.ToString(),
            ["Lookup:RequestsPerSecond"] = "200",
            ["Lookup:MaxAttempts"] = "3",
            ["Lookup:BaseDelay"] = "00:00:00.020",
            ["Lookup:MaxDelay"] = "00:00:00.200",
            ["Lookup:CallTimeout"] = "00:00:10",
            ["Lookup:CircuitFailureThreshold"] = "1000",
            ["Submissions:AdditionalDataDeadline"] = "01:00:00",
            ["Lake:Root"] = LakeRoot,
            ["Warehouse:DuckDbPath"] = WarehousePath,
        };
        Configure(settings);
        foreach (var (key, value) in settings)
        {
            builder.Properties[key] = value;
        }

        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        builder.AddClientBuilderConfigurator<TestClientConfigurator>();
        Configure(builder);
        Cluster = builder.Build();
        await BeforeDeployAsync();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }

        if (Gazetteer is not null)
        {
            await Gazetteer.DisposeAsync();
        }

        if (Directory.Exists(LakeRoot))
        {
            Directory.Delete(LakeRoot, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
