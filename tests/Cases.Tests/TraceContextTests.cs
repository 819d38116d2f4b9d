using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Dovetail.Grains.Lake;

namespace Dovetail.Cases.Tests;

/// <summary>
/// A request with a <c>traceparent</c> and a correlation id: one trace id from the API to the external call, and
/// both ids on the stored submission and its change events in the lake.
/// </summary>
public sealed class TraceContextTests(TraceContextTests.App app) : IClassFixture<TraceContextTests.App>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public sealed class App : DovetailApp
    {
        public string LakeRoot { get; } = Path.Combine(Path.GetTempPath(), $"dovetail-trace-lake-{Guid.NewGuid():N}");

        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Lake:Root"] = LakeRoot;
            settings["Lake:Window"] = "00:00:02";
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (Directory.Exists(LakeRoot))
            {
                Directory.Delete(LakeRoot, recursive: true);
            }
        }
    }

    [Fact]
    public async Task TraceAndCorrelation_ReachExternalCallAndLake()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var traceParent = $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
        using var client = app.CreateApiClient();

        // The application's tracing listens in this process too, so the test's HttpClient writes the traceparent
        // of its own span. Running the call inside a span of the caller's trace makes that header carry it.
        using var caller = new Activity("caller").SetParentId(traceParent).Start();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/submissions")
        {
            Content = new StringContent("""{"place":{"name":"Zürich","country":"CH"}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Correlation-Id", "c-123");

        using var created = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await SubmissionClient.ReadJsonAsync(created);
        var id = body.GetProperty("id").GetString()!;
        var upstream = await UntilAsync(() => app.Gazetteer.Requests.FirstOrDefault(call => call.CorrelationId == "c-123"));
        using var timeline = await client.GetAsync($"/v1/submissions/{id}/events", TestContext.Current.CancellationToken);
        var firstEvent = (await SubmissionClient.ReadJsonAsync(timeline)).GetProperty("events")[0];
        var lakeRecord = await UntilAsync(() => ReadLake()
            .Where(record => record.GetProperty("submissionId").GetString() == id)
            .Select(record => (JsonElement?)record)
            .FirstOrDefault());

        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        Assert.Equal("c-123", created.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Equal("c-123", body.GetProperty("correlationId").GetString());
        Assert.Contains(traceId, upstream.TraceParent ?? "", StringComparison.Ordinal);
        Assert.Equal("c-123", firstEvent.GetProperty("correlationId").GetString());
        Assert.Equal("c-123", lakeRecord.GetProperty("correlationId").GetString());
        Assert.Contains(traceId, lakeRecord.GetProperty("traceParent").GetString(), StringComparison.Ordinal);
    }

    private static Task<T> UntilAsync<T>(Func<T?> probe)
        where T : class => UntilFoundAsync(() => probe() is { } value ? (true, value) : (false, default!));

    private static Task<T> UntilAsync<T>(Func<T?> probe, int unused = 0)
        where T : struct => UntilFoundAsync(() => probe() is { } value ? (true, value) : (false, default));

    private static async Task<T> UntilFoundAsync<T>(Func<(bool Found, T Value)> probe)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (true)
        {
            if (probe() is (true, var value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Nothing was found within {Bound}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }
    }

    private List<JsonElement> ReadLake()
    {
        var records = new List<JsonElement>();
        var objects = Path.Combine(app.LakeRoot, "changes");
        if (!Directory.Exists(objects))
        {
            return records;
        }

        foreach (var path in Directory.GetFiles(objects, "*.parquet", SearchOption.AllDirectories))
        {
            using var file = File.OpenRead(path);
            foreach (var record in LakeRecordReader.ReadAsync(file, TestContext.Current.CancellationToken).GetAwaiter().GetResult())
            {
                records.Add(JsonSerializer.SerializeToElement(record));
            }
        }

        return records;
    }
}
