using System.Collections.Concurrent;
using Dovetail.Gazetteer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;

namespace Dovetail.Grains.Tests;

/// <summary>
/// A two-silo test cluster like <see cref="ClusterFixture"/> whose silos also log to <see cref="Logs"/>, at debug
/// level for Dovetail's categories. Its tests run alone, so meter and activity listeners see only their own work.
/// </summary>
public sealed class TelemetryClusterFixture : IAsyncLifetime
{
    private RunningGazetteer? _gazetteer;

    private static readonly ConcurrentQueue<ScopeRecordingLoggerProvider.LogEntry> SharedLogs = new();

    /// <summary>The log entries of both silos, static because silo configurators are created by type.</summary>
    public static IReadOnlyCollection<ScopeRecordingLoggerProvider.LogEntry> Logs => SharedLogs;

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    private string LakeRoot { get; } = Path.Combine(Path.GetTempPath(), $"dovetail-lake-{Guid.NewGuid():N}");

    public async ValueTask InitializeAsync()
    {
        _gazetteer = await GazetteerServer.StartAsync(
            GazetteerData.Path, cancellationToken: TestContext.Current.CancellationToken);

        var builder = new TestClusterBuilder(2);
        builder.Properties["Lookup:BaseAddress"] = _gazetteer.BaseAddress.ToString();
        builder.Properties["Lookup:RequestsPerSecond"] = "200";
        builder.Properties["Lookup:MaxAttempts"] = "3";
        builder.Properties["Lookup:BaseDelay"] = "00:00:00.020";
        builder.Properties["Lookup:MaxDelay"] = "00:00:00.200";
        builder.Properties["Lookup:CallTimeout"] = "00:00:10";
        builder.Properties["Lookup:CircuitFailureThreshold"] = "1000";
        builder.Properties["Submissions:AdditionalDataDeadline"] = "01:00:00";
        builder.Properties["Lake:Root"] = LakeRoot;
        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        builder.AddSiloBuilderConfigurator<RecordingLoggerConfigurator>();
        builder.AddClientBuilderConfigurator<TestClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }

        if (_gazetteer is not null)
        {
            await _gazetteer.DisposeAsync();
        }

        if (Directory.Exists(LakeRoot))
        {
            Directory.Delete(LakeRoot, recursive: true);
        }
    }

    private sealed class RecordingLoggerConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.Services.AddLogging(logging => logging
                .AddProvider(new ScopeRecordingLoggerProvider(SharedLogs))
                .AddFilter<ScopeRecordingLoggerProvider>("Dovetail", LogLevel.Debug));
    }
}

/// <summary>
/// Runs the telemetry tests alone, after the parallel ones, on one shared cluster.
/// </summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryClusterFixture>;
