using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.Grains.Lake.Buffer;
using Dovetail.PostgreSql.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Xunit;

namespace Dovetail.PostgreSql.Tests.Lake;

public sealed class PostgresChangeBufferTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Window = new(2026, 12, 4, 17, 5, 0, TimeSpan.Zero);
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("The database is not created yet.");

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Append_OpensWindowAndKeepsArrivalOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var buffer = NewBuffer("service-a");

        Assert.True(await buffer.AppendAsync(1, Change("b", 1), 100, Window, ct));
        Assert.True(await buffer.AppendAsync(1, Change("a", 1), 50, Window.AddMinutes(5), ct));
        var status = await buffer.ReadStatusAsync(1, ct);
        var contents = await buffer.ReadAsync(1, ct);

        Assert.Equal(new ChangeBufferStatus(Window, 1, 2, 150), status);
        Assert.Equal(["b:1", "a:1"], contents.Changes.Select(change => change.EventId));
        Assert.Equal(Change("b", 1), contents.Changes[0]);
    }

    [Fact]
    public async Task Append_SameEventAgain_IsDuplicate()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var buffer = NewBuffer("service-a");
        await buffer.AppendAsync(2, Change("a", 1), 10, Window, ct);

        var appended = await buffer.AppendAsync(2, Change("a", 1), 10, Window, ct);

        Assert.False(appended);
        Assert.Single((await buffer.ReadAsync(2, ct)).Changes);
    }

    [Fact]
    public async Task Complete_MovesEventsToPublishedAndAdvancesSequence()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var buffer = NewBuffer("service-a");
        await buffer.AppendAsync(3, Change("a", 1), 10, Window, ct);
        var contents = await buffer.ReadAsync(3, ct);

        await buffer.CompleteAsync(3, contents, "changes/x-0001.parquet", closeWindow: false, Window, Window.AddDays(-1), ct);
        var redelivered = await buffer.AppendAsync(3, Change("a", 1), 10, Window, ct);
        var status = await buffer.ReadStatusAsync(3, ct);

        Assert.False(redelivered);
        Assert.Equal(new ChangeBufferStatus(Window, 2, 0, 0), status);
        Assert.Equal(["changes/x-0001.parquet"], await buffer.ReadPendingQueriesAsync(3, ct));
    }

    [Fact]
    public async Task Complete_ClosingWindow_KeepsLaterEvents()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var buffer = NewBuffer("service-a");
        await buffer.AppendAsync(4, Change("a", 1), 10, Window, ct);
        var contents = await buffer.ReadAsync(4, ct);
        await buffer.AppendAsync(4, Change("a", 2), 10, Window, ct);

        await buffer.CompleteAsync(4, contents, "changes/x-0001.parquet", closeWindow: true, Window, Window.AddDays(-1), ct);

        Assert.Equal(["a:2"], (await buffer.ReadAsync(4, ct)).Changes.Select(change => change.EventId));
        Assert.Null((await buffer.ReadStatusAsync(4, ct)).WindowStart);
    }

    [Fact]
    public async Task Append_SameWindowAfterEarlyClose_ContinuesSequence()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var buffer = NewBuffer("service-a");
        await buffer.AppendAsync(9, Change("a", 1), 10, Window, ct);
        await buffer.CompleteAsync(9, await buffer.ReadAsync(9, ct), "changes/1.parquet", true, Window, Window.AddDays(-1), ct);

        await buffer.AppendAsync(9, Change("b", 1), 10, Window, ct);

        Assert.Equal(new ChangeBufferStatus(Window, 2, 1, 10), await buffer.ReadStatusAsync(9, ct));
    }

    [Fact]
    public async Task Append_EarlierWindowAfterClose_ReopensLastWindow()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var buffer = NewBuffer("service-a");
        await buffer.AppendAsync(11, Change("a", 1), 10, Window, ct);
        await buffer.CompleteAsync(11, await buffer.ReadAsync(11, ct), "changes/1.parquet", true, Window, Window.AddDays(-1), ct);

        await buffer.AppendAsync(11, Change("b", 1), 10, Window.AddMinutes(-5), ct);
        var contents = await buffer.ReadAsync(11, ct);

        Assert.Equal(Window, contents.WindowStart);
        Assert.Equal(2, contents.NextSequence);
    }

    [Fact]
    public async Task Append_LaterWindowAfterClose_StartsSequenceAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var buffer = NewBuffer("service-a");
        await buffer.AppendAsync(10, Change("a", 1), 10, Window, ct);
        await buffer.CompleteAsync(10, await buffer.ReadAsync(10, ct), "changes/1.parquet", true, Window, Window.AddDays(-1), ct);

        await buffer.AppendAsync(10, Change("b", 1), 10, Window.AddMinutes(5), ct);

        Assert.Equal(new ChangeBufferStatus(Window.AddMinutes(5), 1, 1, 10), await buffer.ReadStatusAsync(10, ct));
    }

    [Fact]
    public async Task Complete_ForgetsPublishedIdsOlderThanRetention()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var buffer = NewBuffer("service-a");
        await buffer.AppendAsync(5, Change("a", 1), 10, Window, ct);
        await buffer.CompleteAsync(5, await buffer.ReadAsync(5, ct), "changes/1.parquet", true, Window, Window.AddDays(-1), ct);
        await buffer.AppendAsync(5, Change("b", 1), 10, Window, ct);

        await buffer.CompleteAsync(5, await buffer.ReadAsync(5, ct), "changes/2.parquet", true, Window.AddDays(2), Window.AddDays(1), ct);

        Assert.True(await buffer.AppendAsync(5, Change("a", 1), 10, Window, ct));
    }

    [Fact]
    public async Task CloseEmptyWindow_LeavesWindowWithEventsOpen()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var buffer = NewBuffer("service-a");
        await buffer.AppendAsync(6, Change("a", 1), 10, Window, ct);

        await buffer.CloseEmptyWindowAsync(6, ct);

        Assert.Equal(Window, (await buffer.ReadStatusAsync(6, ct)).WindowStart);
    }

    [Fact]
    public async Task CompleteQuery_RemovesPendingObject()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var buffer = NewBuffer("service-a");
        await buffer.AppendAsync(7, Change("a", 1), 10, Window, ct);
        await buffer.CompleteAsync(7, await buffer.ReadAsync(7, ct), "changes/1.parquet", true, Window, Window.AddDays(-1), ct);

        await buffer.CompleteQueryAsync(7, "changes/1.parquet", ct);

        Assert.Empty(await buffer.ReadPendingQueriesAsync(7, ct));
    }

    [Fact]
    public async Task Services_KeepSeparateBuffers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = NewBuffer("service-a");
        await using var second = NewBuffer("service-b");
        await first.AppendAsync(8, Change("a", 1), 10, Window, ct);

        var appended = await second.AppendAsync(8, Change("a", 1), 10, Window, ct);

        Assert.True(appended);
        Assert.Single((await first.ReadAsync(8, ct)).Changes);
    }

    private PostgresChangeBuffer NewBuffer(string serviceId) =>
        new(Database.ConnectionString, Options.Create(new ClusterOptions { ServiceId = serviceId, ClusterId = "test" }));

    private static SubmissionChanged Change(string id, int version) => new(
        SubmissionChanged.EventIdOf(id, version), id, version, SubmissionStatus.Accepted, Window.AddSeconds(version), "created",
        "client-1", "c-1", version == 1 ? "00-0123456789abcdef0123456789abcdef-0123456789abcdef-01" : null, """{"id":"x"}""");
}
