using Dovetail.PostgreSql.Tests.Infrastructure;
using Xunit;

namespace Dovetail.PostgreSql.Tests;

/// <summary>
/// DateTime values that the providers bind must come back as the same UTC instant whatever the session time zone.
/// </summary>
public sealed class TimestampTests : IAsyncLifetime
{
    // Far from UTC in both directions, so a value stored as local wall-clock time would shift by hours.
    private const string EastTimeZone = "Pacific/Kiritimati";
    private const string WestTimeZone = "America/Los_Angeles";

    // Microsecond precision: PostgreSQL keeps microseconds, so the value round-trips exactly.
    private static readonly DateTime Instant = new(2026, 3, 29, 1, 30, 15, 123, 456, DateTimeKind.Utc);

    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() =>
        database = await TestDatabase.CreateMigratedAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task ReminderStartTime_OtherTimeZones_StaysUtc()
    {
        var ct = TestContext.Current.CancellationToken;
        var grainId = $"counter/{Guid.NewGuid():N}";

        await using (var writer = await database.OpenAsync(ct, EastTimeZone))
        {
            await using var upsert = await StoredQuery.CreateAsync(
                writer, "UpsertReminderRowKey", ct,
                ("ServiceId", "timestamps"), ("GrainId", grainId), ("ReminderName", "tick"),
                ("StartTime", Instant), ("Period", 60_000), ("GrainHash", 12345));
            await upsert.ExecuteScalarAsync(ct);
        }

        await using var reader = await database.OpenAsync(ct, WestTimeZone);
        await using var read = await StoredQuery.CreateAsync(
            reader, "ReadReminderRowKey", ct,
            ("ServiceId", "timestamps"), ("GrainId", grainId), ("ReminderName", "tick"));
        await using var rows = await read.ExecuteReaderAsync(ct);
        Assert.True(await rows.ReadAsync(ct));
        var startTime = rows.GetDateTime(rows.GetOrdinal("StartTime"));

        Assert.Equal(Instant, startTime);
        Assert.Equal(DateTimeKind.Utc, startTime.Kind);
    }

    [Fact]
    public async Task MembershipTimes_OtherTimeZones_StayUtc()
    {
        var ct = TestContext.Current.CancellationToken;
        var deploymentId = $"timestamps-{Guid.NewGuid():N}";
        var aliveTime = Instant.AddMinutes(5);

        await using (var writer = await database.OpenAsync(ct, EastTimeZone))
        {
            await using var version = await StoredQuery.CreateAsync(
                writer, "InsertMembershipVersionKey", ct, ("DeploymentId", deploymentId));
            await version.ExecuteScalarAsync(ct);

            await using var insert = await StoredQuery.CreateAsync(
                writer, "InsertMembershipKey", ct,
                ("DeploymentId", deploymentId), ("Address", "127.0.0.1"), ("Port", 11111), ("Generation", 1),
                ("SiloName", "silo"), ("HostName", "host"), ("Status", 3), ("ProxyPort", 30000),
                ("StartTime", Instant), ("IAmAliveTime", aliveTime), ("Version", 0));
            Assert.Equal(1, Convert.ToInt32(await insert.ExecuteScalarAsync(ct), null));
        }

        await using var reader = await database.OpenAsync(ct, WestTimeZone);
        await using var read = await StoredQuery.CreateAsync(
            reader, "MembershipReadRowKey", ct,
            ("DeploymentId", deploymentId), ("Address", "127.0.0.1"), ("Port", 11111), ("Generation", 1));
        await using var rows = await read.ExecuteReaderAsync(ct);
        Assert.True(await rows.ReadAsync(ct));
        var startTime = rows.GetDateTime(rows.GetOrdinal("StartTime"));
        var readAliveTime = rows.GetDateTime(rows.GetOrdinal("IAmAliveTime"));

        Assert.Equal(Instant, startTime);
        Assert.Equal(aliveTime, readAliveTime);
        Assert.Equal(DateTimeKind.Utc, startTime.Kind);
    }
}
