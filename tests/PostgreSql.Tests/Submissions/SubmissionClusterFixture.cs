using Dovetail.Gazetteer;
using Dovetail.Grains.Hosting;
using Dovetail.Grains.Submissions;
using Dovetail.PostgreSql.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;
using Orleans.TestingHost;
using Xunit;

namespace Dovetail.PostgreSql.Tests.Submissions;

/// <summary>
/// A two-silo test cluster in PostgreSQL mode on its own freshly migrated database, configured like a production
/// silo (<c>UsePostgres</c> and <c>AddDovetailGrains</c>) and enriching from a real gazetteer stand-in on a
/// loopback port. Subclasses change the settings that a test class needs.
/// </summary>
public class SubmissionClusterFixture : IAsyncLifetime
{
    private const string SubmissionStateName = "submission";

    public TestDatabase Database { get; private set; } = null!;

    public RunningGazetteer Gazetteer { get; private set; } = null!;

    public TestCluster Cluster { get; private set; } = null!;

    public string ServiceId { get; } = $"dovetail-submissions-{Guid.NewGuid():N}";

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>How many silos the cluster starts with.</summary>
    protected virtual short SiloCount => 2;

    protected virtual void Configure(IDictionary<string, string> settings)
    {
    }

    /// <summary>Adds to the cluster before it is built, for example a silo configurator that injects a fault.</summary>
    protected virtual void Configure(TestClusterBuilder builder)
    {
    }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Database = await TestDatabase.CreateMigratedAsync(ct);
        Gazetteer = await GazetteerServer.StartAsync(GazetteerDataFile.Path, cancellationToken: ct);

        var builder = new TestClusterBuilder(initialSilosCount: SiloCount);
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ClusterId = $"dovetail-submissions-{Guid.NewGuid():N}";
        builder.Options.ServiceId = ServiceId;

        var settings = new Dictionary<string, string>
        {
            [$"ConnectionStrings:{DovetailSiloBuilderExtensions.ConnectionStringName}"] = Database.ConnectionString,
            ["Lookup:BaseAddress"] = Gazetteer.BaseAddress.ToString(),
            ["Lookup:RequestsPerSecond"] = "200",
            ["Lookup:MaxAttempts"] = "3",
            ["Lookup:BaseDelay"] = "00:00:00.020",
            ["Lookup:MaxDelay"] = "00:00:00.200",
            ["Lookup:CallTimeout"] = "00:00:30",
            ["Lookup:CircuitFailureThreshold"] = "1000",
            ["Submissions:AdditionalDataDeadline"] = "01:00:00",
        };
        Configure(settings);
        foreach (var (key, value) in settings)
        {
            builder.Properties[key] = value;
        }

        builder.AddSiloBuilderConfigurator<PostgresSubmissionSiloConfigurator>();
        builder.AddClientBuilderConfigurator<PostgresSubmissionClientConfigurator>();
        Configure(builder);
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public virtual async ValueTask DisposeAsync()
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

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Restarts every silo, one at a time so that the client always has a gateway. Afterwards no activation from
    /// before remains, so every grain reloads its state from PostgreSQL.
    /// </summary>
    public async Task RestartAllSilosAsync()
    {
        foreach (var silo in Cluster.Silos.ToList())
        {
            await Cluster.RestartSiloAsync(silo);
        }
    }

    /// <summary>Reads a submission's state as PostgreSQL stores it, bypassing any activation.</summary>
    public async Task<GrainState<SubmissionState>> ReadStoredSubmissionAsync(IAddressable submission)
    {
        var storage = ActiveSiloServices.GetRequiredKeyedService<IGrainStorage>(
            DovetailSiloBuilderExtensions.StorageName);
        var state = new GrainState<SubmissionState>();
        await storage.ReadStateAsync(SubmissionStateName, submission.GetGrainId(), state);
        return state;
    }

    /// <summary>Returns the names of the reminders stored in PostgreSQL for one grain of this cluster.</summary>
    public async Task<List<StoredReminder>> ReadStoredRemindersAsync(IAddressable grain, CancellationToken ct)
    {
        await using var connection = await Database.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT ReminderName, StartTime, Period FROM OrleansRemindersTable "
            + "WHERE ServiceId = @service AND GrainId = @grain ORDER BY ReminderName",
            connection);
        command.Parameters.AddWithValue("service", ServiceId);
        command.Parameters.AddWithValue("grain", grain.GetGrainId().ToString());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var reminders = new List<StoredReminder>();
        while (await reader.ReadAsync(ct))
        {
            reminders.Add(new StoredReminder(
                reader.GetString(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                TimeSpan.FromMilliseconds(reader.GetInt64(2))));
        }

        return reminders;
    }

    // After a restart TestCluster.Primary can be null, so the first active in-process silo is used instead.
    private IServiceProvider ActiveSiloServices =>
        Cluster.Silos.OfType<InProcessSiloHandle>().FirstOrDefault(silo => silo.IsActive)?.ServiceProvider
        ?? throw new InvalidOperationException("The test cluster has no active in-process silo.");
}
