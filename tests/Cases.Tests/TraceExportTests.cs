using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Dovetail.Grains.Lake;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Dovetail.Cases.Tests;

/// <summary>
/// The spans that the product exports for one submission, kept by an in-memory exporter. The first POST, its grain
/// calls, the lookup worker and the external call share the caller's trace id. The second POST and the lake flush
/// link to that trace. The correlation id is on the spans, the external request, the lake record and the query
/// result.
/// </summary>
public sealed class TraceExportTests(TraceExportTests.App app) : IClassFixture<TraceExportTests.App>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public sealed class App : DovetailApp
    {
        public string LakeRoot { get; } = Path.Combine(Path.GetTempPath(), $"dovetail-export-lake-{Guid.NewGuid():N}");

        /// <summary>Every span the application exported, in the order they ended.</summary>
        public List<Activity> Spans { get; } = [];

        public IReadOnlyList<Activity> SpansSnapshot()
        {
            lock (Spans)
            {
                return Spans.ToList();
            }
        }

        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Lake:Root"] = LakeRoot;
            settings["Lake:Window"] = "00:00:02";
        }

        protected override void ConfigureServices(IServiceCollection services) =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(new LockedList(Spans)));

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
    public async Task OneSubmission_IsOneTraceWithLinks()
    {
        var ct = TestContext.Current.CancellationToken;
        var traceId = ActivityTraceId.CreateRandom();
        var traceParent = $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
        using var client = app.CreateApiClient();

        string id;
        using (new Activity("caller").SetParentId(traceParent).Start())
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/submissions")
            {
                Content = new StringContent("""{"place":{"name":"Bern","country":"CH"}}""", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Correlation-Id", "c-export");
            using var created = await client.SendAsync(request, ct);
            Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
            id = (await SubmissionClient.ReadJsonAsync(created)).GetProperty("id").GetString()!;
        }

        using var second = await SubmissionClient.AddDataAsync(client, id, """{"note":"second half"}""");
        var lakeRecord = await UntilAsync(() => ReadLake("changes", ".parquet", records: true)
            .FirstOrDefault(record => record.GetProperty("submissionId").GetString() == id
                && record.GetProperty("status").GetString() == "completed"));
        var queryResult = await UntilAsync(() => ReadLake("results", ".json", records: false)
            .FirstOrDefault(result => result.GetProperty("submissions").EnumerateArray()
                .Any(entry => entry.GetProperty("submissionId").GetString() == id)));
        var flush = await UntilAsync(() => app.SpansSnapshot()
            .FirstOrDefault(span => span.OperationName == "lake.flush" && span.Links.Any(link => link.Context.TraceId == traceId)));
        var spans = app.SpansSnapshot();
        var inTrace = spans.Where(span => span.TraceId == traceId).ToList();
        var lookup = inTrace.Single(span => span.Source.Name == "Dovetail" && span.OperationName == "lookup");
        var upstream = app.Gazetteer.Requests.First(call => call.CorrelationId == "c-export");
        var addData = spans.Single(span => span.OperationName == "submission.add-data" && (string?)span.GetTagItem("dovetail.submission_id") == id);
        var summaryEntry = queryResult.GetProperty("submissions").EnumerateArray()
            .Single(entry => entry.GetProperty("submissionId").GetString() == id);

        Assert.Contains(inTrace, span => span.Source.Name == "Microsoft.AspNetCore" && span.Kind == ActivityKind.Server);
        Assert.Contains(inTrace, span => span.Source.Name == "Microsoft.Orleans.Application");
        Assert.Contains(inTrace, span => span.Source.Name == "System.Net.Http" && span.ParentSpanId == lookup.SpanId);
        Assert.Equal("c-export", lookup.GetTagItem("dovetail.correlation_id"));
        Assert.Contains(traceId.ToHexString(), upstream.TraceParent ?? "", StringComparison.Ordinal);
        Assert.NotEqual(traceId, addData.TraceId);
        Assert.Contains(addData.Links, link => link.Context.TraceId == traceId);
        Assert.Contains(flush.Links, link => link.Context.TraceId == traceId);
        Assert.Contains(traceId.ToHexString(), lakeRecord.GetProperty("traceParent").GetString(), StringComparison.Ordinal);
        Assert.Equal("c-export", lakeRecord.GetProperty("correlationId").GetString());
        Assert.Equal("c-export", summaryEntry.GetProperty("correlationId").GetString());
        Assert.True(second.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"The second POST answered {second.StatusCode}.");
    }

    private static async Task<T> UntilAsync<T>(Func<T?> probe)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (true)
        {
            var value = probe();
            if (value is not null && !EqualityComparer<T>.Default.Equals(value, default!))
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

    private List<JsonElement> ReadLake(string prefix, string suffix, bool records)
    {
        var documents = new List<JsonElement>();
        var folder = Path.Combine(app.LakeRoot, prefix);
        if (!Directory.Exists(folder))
        {
            return documents;
        }

        foreach (var path in Directory.GetFiles(folder, "*" + suffix, SearchOption.AllDirectories))
        {
            if (!records)
            {
                documents.Add(JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone());
                continue;
            }

            using var file = File.OpenRead(path);
            foreach (var record in LakeRecordReader.ReadAsync(file, TestContext.Current.CancellationToken).GetAwaiter().GetResult())
            {
                documents.Add(JsonSerializer.SerializeToElement(record));
            }
        }

        return documents;
    }

    /// <summary>A list that the exporter fills from silo threads while the test reads a snapshot under the same lock.</summary>
    private sealed class LockedList(List<Activity> inner) : ICollection<Activity>
    {
        public int Count
        {
            get
            {
                lock (inner)
                {
                    return inner.Count;
                }
            }
        }

        public bool IsReadOnly => false;

        public void Add(Activity item)
        {
            lock (inner)
            {
                inner.Add(item);
            }
        }

        public void Clear()
        {
            lock (inner)
            {
                inner.Clear();
            }
        }

        public bool Contains(Activity item)
        {
            lock (inner)
            {
                return inner.Contains(item);
            }
        }

        public void CopyTo(Activity[] array, int arrayIndex)
        {
            lock (inner)
            {
                inner.CopyTo(array, arrayIndex);
            }
        }

        public bool Remove(Activity item)
        {
            lock (inner)
            {
                return inner.Remove(item);
            }
        }

        public IEnumerator<Activity> GetEnumerator() => SnapshotList().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private List<Activity> SnapshotList()
        {
            lock (inner)
            {
                return inner.ToList();
            }
        }
    }
}
