using System.Text.Json;
using Dovetail.Grains.Lake;
using Dovetail.Grains.Lake.Queries;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dovetail.Grains.Tests;

public sealed class LakeQueryRunnerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 18, 0, 0, TimeSpan.Zero);

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"dovetail-lake-query-{Guid.NewGuid():N}");
    private readonly LocalLakeStore _store;
    private readonly LakePublisher _publisher;
    private readonly LakeQueryTestClock _clock = new(Now);

    public LakeQueryRunnerTests()
    {
        _store = new LocalLakeStore(Options.Create(new LakeOptions { Root = _root }));
        _publisher = new LakePublisher(_store, TimeProvider.System);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_PublishedObject_StoresResult()
    {
        var manifest = await PublishAsync();

        var outcome = await NewRunner().RunAsync(manifest.ObjectPath, Cancellation);

        Assert.True(outcome.Reason is null, outcome.Reason);
        Assert.True(outcome.Succeeded);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal("results/object-summary/date=2026-12-04/hour=17/p003-20261204T170500Z-0001.json", outcome.ResultPath);
        Assert.True(File.Exists(Path.Combine(_root, outcome.ResultPath)));
    }

    [Fact]
    public async Task Run_ResultHasPathCountAndChecksum()
    {
        var manifest = await PublishAsync();

        var outcome = await NewRunner().RunAsync(manifest.ObjectPath, Cancellation);
        using var result = ReadJson(outcome.ResultPath);

        Assert.Equal(manifest.ObjectPath, result.RootElement.GetProperty("objectPath").GetString());
        Assert.Equal(15, result.RootElement.GetProperty("records").GetInt32());
        Assert.Equal(manifest.Sha256, result.RootElement.GetProperty("objectSha256").GetString());
    }

    [Fact]
    public async Task Run_CountsByStatusAndCountry()
    {
        var manifest = await PublishAsync();

        var outcome = await NewRunner().RunAsync(manifest.ObjectPath, Cancellation);
        using var result = ReadJson(outcome.ResultPath);
        var counts = result.RootElement.GetProperty("byStatusAndCountry").EnumerateArray()
            .Select(row => $"{row.GetProperty("status").GetString()}/{row.GetProperty("country").GetString() ?? "-"}={row.GetProperty("records").GetInt32()}")
            .ToList();

        Assert.Equal(
            [
                "accepted/-=4",
                "awaiting-data/FR=2",
                "awaiting-enrichment/-=1",
                "completed/DE=1",
                "completed/FR=2",
                "enriching/-=4",
                "failed/-=1",
            ],
            counts);
    }

    [Fact]
    public async Task Run_ListsCorrelationIdPerSubmission()
    {
        var manifest = await PublishAsync();

        var outcome = await NewRunner().RunAsync(manifest.ObjectPath, Cancellation);
        using var result = ReadJson(outcome.ResultPath);
        var submissions = result.RootElement.GetProperty("submissions").EnumerateArray()
            .Select(row => string.Join(' ',
                row.GetProperty("submissionId").GetString(),
                row.GetProperty("correlationId").GetString(),
                row.GetProperty("version").GetInt32(),
                row.GetProperty("status").GetString(),
                row.GetProperty("country").GetString() ?? "-"))
            .ToList();

        Assert.Equal(
            [
                "sub-a corr-a 4 completed FR",
                "sub-b corr-b 4 completed DE",
                "sub-c corr-c 3 failed -",
                "sub-d corr-d 4 completed FR",
            ],
            submissions);
    }

    [Fact]
    public async Task Run_ComputesLatencyPercentiles()
    {
        var manifest = await PublishAsync();

        var outcome = await NewRunner().RunAsync(manifest.ObjectPath, Cancellation);
        using var result = ReadJson(outcome.ResultPath);
        var latency = result.RootElement.GetProperty("latencyMs");

        // Enrichment took 200, 400 and 1000 ms and completion 5000, 400 and 3000 ms, and the percentiles interpolate
        // linearly between the sorted samples.
        Assert.Equal(3, latency.GetProperty("completedSubmissions").GetInt32());
        Assert.Equal(400, latency.GetProperty("enrichmentP50").GetDouble());
        Assert.Equal(940, latency.GetProperty("enrichmentP95").GetDouble());
        Assert.Equal(988, latency.GetProperty("enrichmentP99").GetDouble());
        Assert.Equal(3000, latency.GetProperty("completionP50").GetDouble());
        Assert.Equal(4800, latency.GetProperty("completionP95").GetDouble());
        Assert.Equal(4960, latency.GetProperty("completionP99").GetDouble());
    }

    [Fact]
    public async Task Run_Twice_WritesByteIdenticalResult()
    {
        var manifest = await PublishAsync();
        var runner = NewRunner();

        var first = await runner.RunAsync(manifest.ObjectPath, Cancellation);
        var firstBytes = await File.ReadAllBytesAsync(Path.Combine(_root, first.ResultPath), Cancellation);
        var second = await runner.RunAsync(manifest.ObjectPath, Cancellation);
        var secondBytes = await File.ReadAllBytesAsync(Path.Combine(_root, second.ResultPath), Cancellation);

        Assert.Equal(first.ResultPath, second.ResultPath);
        Assert.Equal(firstBytes, secondBytes);
    }

    [Fact]
    public async Task Run_TruncatedObject_RetriesThenDeadLetters()
    {
        var manifest = await PublishAsync();
        await TruncateAsync(manifest.ObjectPath);

        var outcome = await NewRunner(maxAttempts: 3).RunAsync(manifest.ObjectPath, Cancellation);

        Assert.False(outcome.Succeeded);
        Assert.Equal(3, outcome.Attempts);
        Assert.Equal("dead-letter/object-summary/date=2026-12-04/hour=17/p003-20261204T170500Z-0001.json", outcome.ResultPath);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], _clock.Delays);
        Assert.False(File.Exists(Path.Combine(_root, LakeQueryPaths.ResultPath(manifest.ObjectPath))));
    }

    [Fact]
    public async Task Run_TruncatedObject_RecordsReason()
    {
        var manifest = await PublishAsync();
        await TruncateAsync(manifest.ObjectPath);

        var outcome = await NewRunner(maxAttempts: 2).RunAsync(manifest.ObjectPath, Cancellation);
        using var entry = ReadJson(outcome.ResultPath);
        var reason = entry.RootElement.GetProperty("reason").GetString()!;

        Assert.Equal(manifest.ObjectPath, entry.RootElement.GetProperty("objectPath").GetString());
        Assert.Equal(2, entry.RootElement.GetProperty("attempts").GetInt32());
        Assert.Equal(Now, entry.RootElement.GetProperty("failedAt").GetDateTimeOffset());
        Assert.Equal(outcome.Reason, reason);
        Assert.StartsWith("DuckDB.NET.Data.DuckDBException: ", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("dovetail-query-", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("corr-a", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingObject_DeadLettersWithoutRetrying()
    {
        var objectPath = LakeObjectName.ObjectPath(3, LakeQueryTestData.WindowStart, 9);

        var outcome = await NewRunner(maxAttempts: 3).RunAsync(objectPath, Cancellation);
        using var entry = ReadJson(LakeQueryPaths.DeadLetterPath(objectPath));

        Assert.False(outcome.Succeeded);
        Assert.Equal(1, outcome.Attempts);
        Assert.Empty(_clock.Delays);
        Assert.Contains("missing", entry.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SuccessAfterDeadLetter_RemovesEntry()
    {
        var manifest = await PublishAsync();
        await TruncateAsync(manifest.ObjectPath);
        var runner = NewRunner(maxAttempts: 1);
        await runner.RunAsync(manifest.ObjectPath, Cancellation);
        var deadLetter = Path.Combine(_root, LakeQueryPaths.DeadLetterPath(manifest.ObjectPath));
        Assert.True(File.Exists(deadLetter));

        await PublishAsync();
        var outcome = await runner.RunAsync(manifest.ObjectPath, Cancellation);

        Assert.True(outcome.Succeeded);
        Assert.False(File.Exists(deadLetter));
    }

    [Fact]
    public async Task Replay_FixedObject_RemovesDeadLetter()
    {
        var manifest = await PublishAsync();
        await TruncateAsync(manifest.ObjectPath);
        var runner = NewRunner(maxAttempts: 2);
        await runner.RunAsync(manifest.ObjectPath, Cancellation);
        await PublishAsync();
        using var output = new StringWriter();

        var exitCode = await LakeQueryReplay.ReplayAsync(runner, _store, output, Cancellation);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(0, exitCode);
        Assert.Equal(
            [
                $"replayed {manifest.ObjectPath} -> {LakeQueryPaths.ResultPath(manifest.ObjectPath)} (1 attempt(s))",
                "1 of 1 dead-letter object(s) replayed, 0 failed",
            ],
            lines);
        Assert.False(File.Exists(Path.Combine(_root, LakeQueryPaths.DeadLetterPath(manifest.ObjectPath))));
        Assert.True(File.Exists(Path.Combine(_root, LakeQueryPaths.ResultPath(manifest.ObjectPath))));
    }

    [Fact]
    public async Task Replay_StillCorrupt_ReturnsOne()
    {
        var manifest = await PublishAsync();
        await TruncateAsync(manifest.ObjectPath);
        var runner = NewRunner(maxAttempts: 1);
        await runner.RunAsync(manifest.ObjectPath, Cancellation);
        using var output = new StringWriter();

        var exitCode = await LakeQueryReplay.ReplayAsync(runner, _store, output, Cancellation);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"failed {manifest.ObjectPath} after 1 attempt(s): ", output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_root, LakeQueryPaths.DeadLetterPath(manifest.ObjectPath))));
    }

    [Fact]
    public async Task Replay_NoDeadLetters_ReturnsZero()
    {
        using var output = new StringWriter();

        var exitCode = await LakeQueryReplay.ReplayAsync(NewRunner(), _store, output, Cancellation);

        Assert.Equal(0, exitCode);
        Assert.Equal("0 of 0 dead-letter object(s) replayed, 0 failed", output.ToString().Trim());
    }

    private async Task<LakeManifest> PublishAsync() =>
        await _publisher.PublishAsync(new LakeBatch(3, LakeQueryTestData.WindowStart, 1, LakeQueryTestData.Batch()), Cancellation);

    /// <summary>Cuts the stored object to half its size, as an interrupted copy would.</summary>
    private async Task TruncateAsync(string objectPath)
    {
        var path = Path.Combine(_root, objectPath);
        var bytes = await File.ReadAllBytesAsync(path, Cancellation);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)], Cancellation);
    }

    private JsonDocument ReadJson(string lakePath) => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_root, lakePath)));

    private LakeQueryRunner NewRunner(int maxAttempts = 3) => new(
        _store,
        Options.Create(new LakeQueryOptions { MaxAttempts = maxAttempts, RetryDelay = TimeSpan.FromSeconds(1) }),
        _clock,
        NullLogger<LakeQueryRunner>.Instance);
}
