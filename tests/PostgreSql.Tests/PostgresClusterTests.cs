using System.Net;
using System.Text;
using Dovetail.PostgreSql.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;
using Orleans.TestingHost;
using Xunit;

namespace Dovetail.PostgreSql.Tests;

public sealed class PostgresClusterTests(PostgresClusterFixture fixture) : IClassFixture<PostgresClusterFixture>
{
    private const int ActiveStatus = 3;

    private static readonly TimeSpan PollTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Membership_TwoSilos_BothActive()
    {
        var ct = TestContext.Current.CancellationToken;

        var active = await WaitForActiveSilosAsync(expected: 2, ct);

        Assert.Equal(2, active);
    }

    [Fact]
    public async Task GrainState_SurvivesSiloRestarts()
    {
        var ct = TestContext.Current.CancellationToken;
        var grainId = Guid.NewGuid();
        await Cluster.GrainFactory.GetGrain<ICounterGrain>(grainId).SetAsync(42);

        // Restarting one silo at a time keeps a gateway up for the client, and after both restarts no silo can
        // still hold the activation in memory.
        foreach (var silo in Cluster.Silos.ToList())
        {
            await Cluster.RestartSiloAsync(silo);
        }

        await WaitForActiveSilosAsync(expected: 2, ct);
        var value = await Cluster.GrainFactory.GetGrain<ICounterGrain>(grainId).GetAsync();
        Assert.Equal(42, value);
    }

    [Fact]
    public async Task GrainState_ReadAsRenamedType_KeepsFields()
    {
        var storage = GetGrainStorage();
        var grainId = GrainId.Create("counter", Guid.NewGuid().ToString("N"));
        var stateName = $"rename-{Guid.NewGuid():N}";
        await storage.WriteStateAsync(stateName, grainId, new GrainState<CounterState>(new CounterState(7, "seven")));

        var renamed = new GrainState<RenamedCounterState>();
        await storage.ReadStateAsync(stateName, grainId, renamed);

        Assert.True(renamed.RecordExists);
        Assert.NotNull(renamed.State);
        Assert.Equal(7, renamed.State.Count);
        Assert.Equal("seven", renamed.State.Name);
    }

    [Fact]
    public async Task GrainState_Payload_HasNoClrTypeName()
    {
        var ct = TestContext.Current.CancellationToken;
        var storage = GetGrainStorage();
        var grainId = GrainId.Create("counter", Guid.NewGuid().ToString("N"));
        var stateName = $"payload-{Guid.NewGuid():N}";
        await storage.WriteStateAsync(stateName, grainId, new GrainState<CounterState>(new CounterState(8, "eight")));

        var payload = await ReadPayloadAsync(stateName, ct);

        var text = Encoding.UTF8.GetString(payload);
        Assert.DoesNotContain(nameof(CounterState), text, StringComparison.Ordinal);
        Assert.DoesNotContain(typeof(CounterState).Assembly.GetName().Name!, text, StringComparison.Ordinal);
        Assert.DoesNotContain("counter-state", text, StringComparison.Ordinal);
        Assert.Contains("eight", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrainState_ConcurrentFirstWrites_StoreOneRow()
    {
        var ct = TestContext.Current.CancellationToken;
        var storage = GetGrainStorage();
        var grainId = GrainId.Create("counter", Guid.NewGuid().ToString("N"));
        var stateName = $"concurrent-{Guid.NewGuid():N}";
        const int writers = 8;

        var writes = Enumerable.Range(0, writers)
            .Select(index => Task.Run(
                () => storage.WriteStateAsync(
                    stateName, grainId, new GrainState<CounterState>(new CounterState(index, $"writer {index}"))),
                ct))
            .ToList();
        var outcomes = await Task.WhenAll(writes.Select(async write =>
        {
            try
            {
                await write;
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(succeeded => succeeded));
        Assert.Equal(1L, await CountStorageRowsAsync(stateName, ct));
    }

    [Fact]
    public async Task Reminder_DueInOneSecond_Fires()
    {
        var ct = TestContext.Current.CancellationToken;
        var grain = Cluster.GrainFactory.GetGrain<ICounterGrain>(Guid.NewGuid());
        await grain.StartReminderAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        try
        {
            var ticks = await PollAsync(grain.GetReminderTicksAsync, count => count > 0, ct);
            Assert.True(ticks > 0, $"The reminder did not fire within {PollTimeout.TotalSeconds} s.");
        }
        finally
        {
            await grain.StopReminderAsync();
        }
    }

    [Fact]
    public async Task Membership_InsertWithStaleVersion_ReturnsFalse()
    {
        var ct = TestContext.Current.CancellationToken;
        var table = GetMembershipTable();
        var data = await table.ReadAllAsync(ct);
        var stale = StaleVersion(data.Version);

        var inserted = await table.InsertRowAsync(CreateDeadEntry(), stale, ct);

        Assert.False(inserted);
    }

    [Fact]
    public async Task Membership_InsertOfExistingEntry_ReturnsFalse()
    {
        var ct = TestContext.Current.CancellationToken;
        var table = GetMembershipTable();
        var entry = CreateDeadEntry();

        // The running silos also write to the table, so the first insert retries until its version is current.
        var first = await PollAsync(
            async () => await table.InsertRowAsync(entry, (await table.ReadAllAsync(ct)).Version.Next(), ct), inserted => inserted, ct);
        var second = await table.InsertRowAsync(entry, (await table.ReadAllAsync(ct)).Version.Next(), ct);

        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public async Task Membership_UpdateWithStaleVersion_ReturnsFalse()
    {
        var ct = TestContext.Current.CancellationToken;
        var table = GetMembershipTable();
        var data = await table.ReadAllAsync(ct);
        var (entry, _) = data.Members[0];
        var stale = StaleVersion(data.Version);

        var updated = await table.UpdateRowAsync(entry, stale.VersionEtag, stale, ct);

        Assert.False(updated);
    }

    private static TableVersion StaleVersion(TableVersion current)
    {
        var staleEtag = (int.Parse(current.VersionEtag, System.Globalization.CultureInfo.InvariantCulture) - 1)
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new TableVersion(current.Version + 1, staleEtag);
    }

    private static MembershipEntry CreateDeadEntry()
    {
        var now = DateTime.UtcNow;
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(IPAddress.Loopback, Random.Shared.Next(20_000, 30_000), Random.Shared.Next()),
            Status = SiloStatus.Dead,
            SiloName = "test-entry",
            HostName = "localhost",
            ProxyPort = 0,
            StartTime = now,
            IAmAliveTime = now,
            SuspectTimes = [],
        };
    }

    // The restart test replaces the silos, and TestCluster.Primary is null after the primary restarted.
    private IServiceProvider SiloServices =>
        Cluster.Silos.OfType<InProcessSiloHandle>().FirstOrDefault(silo => silo.IsActive)?.ServiceProvider
        ?? throw new InvalidOperationException("The test cluster has no active in-process silo.");

    private IGrainStorage GetGrainStorage() =>
        SiloServices.GetRequiredKeyedService<IGrainStorage>(PostgresClusterFixture.StorageName);

    private IMembershipTable GetMembershipTable() => SiloServices.GetRequiredService<IMembershipTable>();

    private async Task<int> WaitForActiveSilosAsync(int expected, CancellationToken ct) =>
        await PollAsync(() => CountSilosAsync(ActiveStatus, ct), count => count == expected, ct);

    private async Task<int> CountSilosAsync(int status, CancellationToken ct)
    {
        await using var connection = await fixture.Database.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT count(*)::integer FROM OrleansMembershipTable WHERE DeploymentId = @id AND Status = @status",
            connection);
        command.Parameters.AddWithValue("id", fixture.ClusterId);
        command.Parameters.AddWithValue("status", status);
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task<long> CountStorageRowsAsync(string stateName, CancellationToken ct)
    {
        await using var connection = await fixture.Database.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = @name", connection);
        command.Parameters.AddWithValue("name", stateName);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task<byte[]> ReadPayloadAsync(string stateName, CancellationToken ct)
    {
        await using var connection = await fixture.Database.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT PayloadBinary FROM OrleansStorage WHERE GrainTypeString = @name", connection);
        command.Parameters.AddWithValue("name", stateName);
        return (byte[])(await command.ExecuteScalarAsync(ct))!;
    }

    // Polls until the condition is true or the bound passes, and returns the last value for the caller to assert on.
    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> condition, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + PollTimeout;
        var value = await read();
        while (!condition(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(PollInterval, ct);
            value = await read();
        }

        return value;
    }
}
