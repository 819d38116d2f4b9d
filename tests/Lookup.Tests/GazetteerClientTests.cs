using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Dovetail.Gazetteer;
using Dovetail.Grains.Abstractions.Lookup;
using Dovetail.Grains.Lookup;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Dovetail.Lookup.Tests;

/// <summary>
/// <see cref="GazetteerClient"/> against the real stand-in serving the real GeoNames array.
/// </summary>
public sealed class GazetteerClientTests(GazetteerFixture fixture) : IClassFixture<GazetteerFixture>
{
    private const string CorrelationId = "lookup-tests";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Non_ASCII_name_matches_the_real_entry()
    {
        fixture.Server.ResetFaults();
        await using var services = fixture.CreateServices();

        var result = await Client(services).FetchAsync(new PlaceQuery("Zürich", "CH", null), CorrelationId, Cancellation);

        Assert.Equal(LookupAttemptKind.Matched, result.Kind);
        Assert.Equal("Zürich", result.Place?.Name);
        Assert.Equal("CH", result.Place?.Country);
        Assert.Equal("ZH", result.Place?.Admin1);
        Assert.Equal("112", result.Place?.Admin2);
        Assert.Equal(47.36667m, result.Place?.Latitude);
        Assert.Equal(8.55m, result.Place?.Longitude);
        Assert.Equal(1, result.Place?.Candidates);
        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public async Task Decomposed_upper_case_name_matches()
    {
        fixture.Server.ResetFaults();
        await using var services = fixture.CreateServices();
        var decomposed = "  SÃO   PAULO ".Normalize(NormalizationForm.FormD);

        var result = await Client(services).FetchAsync(new PlaceQuery(decomposed, "br", null), CorrelationId, Cancellation);

        Assert.Equal(LookupAttemptKind.Matched, result.Kind);
        Assert.Equal("São Paulo", result.Place?.Name);
        Assert.Equal(-23.5475m, result.Place?.Latitude);
        Assert.Null(result.Place?.Admin2);
    }

    [Fact]
    public async Task Shared_name_without_admin1_picks_smallest_admin1()
    {
        fixture.Server.ResetFaults();
        await using var services = fixture.CreateServices();

        var result = await Client(services).FetchAsync(
            new PlaceQuery("Springfield", "US", null), CorrelationId, Cancellation);

        Assert.Equal(LookupAttemptKind.Matched, result.Kind);
        Assert.Equal("CO", result.Place?.Admin1);
        Assert.Equal(37.40835m, result.Place?.Latitude);
        Assert.Equal(20, result.Place?.Candidates);
    }

    [Fact]
    public async Task Shared_name_with_admin1_picks_that_entry()
    {
        fixture.Server.ResetFaults();
        await using var services = fixture.CreateServices();

        var result = await Client(services).FetchAsync(
            new PlaceQuery("springfield", "US", "il"), CorrelationId, Cancellation);

        Assert.Equal(LookupAttemptKind.Matched, result.Kind);
        Assert.Equal("IL", result.Place?.Admin1);
        Assert.Equal(39.80172m, result.Place?.Latitude);
        Assert.Equal(1, result.Place?.Candidates);
    }

    [Fact]
    public async Task Shared_name_with_unknown_admin1_is_no_match()
    {
        fixture.Server.ResetFaults();
        await using var services = fixture.CreateServices();

        var result = await Client(services).FetchAsync(
            new PlaceQuery("Springfield", "US", "ZZ"), CorrelationId, Cancellation);

        Assert.Equal(LookupAttemptKind.NoMatch, result.Kind);
        Assert.Null(result.Place);
    }

    [Fact]
    public async Task Unknown_name_is_no_match()
    {
        fixture.Server.ResetFaults();
        await using var services = fixture.CreateServices();

        var result = await Client(services).FetchAsync(
            new PlaceQuery("Nowhere Under The Hill", "CH", null), CorrelationId, Cancellation);

        Assert.Equal(LookupAttemptKind.NoMatch, result.Kind);
        Assert.True(result.IsSuccess);
        Assert.Null(result.FailureReason);
    }

    [Fact]
    public async Task Throttled_answer_carries_Retry_After_seconds()
    {
        fixture.Server.SetFaults(new GazetteerFaults { RateLimitPerSecond = 1, RetryAfterSeconds = 7 });
        await using var services = fixture.CreateServices();

        var result = await FetchUntilFailureAsync(Client(services), new PlaceQuery("Vaduz", "LI", null));

        Assert.Equal(LookupFailureReasons.Throttled, result.FailureReason);
        Assert.Equal(LookupAttemptKind.RetryableFailure, result.Kind);
        Assert.Equal(429, result.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
    }

    [Fact]
    public async Task Throttled_answer_carries_Retry_After_date()
    {
        fixture.Server.SetFaults(
            new GazetteerFaults { RateLimitPerSecond = 1, RetryAfterSeconds = 30, RetryAfterAsHttpDate = true });
        await using var services = fixture.CreateServices();

        var result = await FetchUntilFailureAsync(Client(services), new PlaceQuery("Vaduz", "LI", null));

        Assert.Equal(LookupFailureReasons.Throttled, result.FailureReason);
        Assert.NotNull(result.RetryAfter);
        Assert.InRange(result.RetryAfter.Value, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(31));
    }

    [Fact]
    public async Task Service_unavailable_carries_Retry_After()
    {
        fixture.Server.SetFaults(new GazetteerFaults { FailFirst = 1, ErrorStatus = 503, RetryAfterSeconds = 3 });
        await using var services = fixture.CreateServices();

        var result = await Client(services).FetchAsync(new PlaceQuery("Vaduz", "LI", null), CorrelationId, Cancellation);

        Assert.Equal(LookupFailureReasons.Unavailable, result.FailureReason);
        Assert.Equal(LookupAttemptKind.RetryableFailure, result.Kind);
        Assert.Equal(TimeSpan.FromSeconds(3), result.RetryAfter);
    }

    [Fact]
    public async Task Server_error_then_success()
    {
        fixture.Server.SetFaults(new GazetteerFaults { FailFirst = 1 });
        await using var services = fixture.CreateServices();
        var client = Client(services);
        var query = new PlaceQuery("Vaduz", "LI", null);

        var first = await client.FetchAsync(query, CorrelationId, Cancellation);
        var second = await client.FetchAsync(query, CorrelationId, Cancellation);

        Assert.Equal(LookupFailureReasons.Unavailable, first.FailureReason);
        Assert.Equal(500, first.StatusCode);
        Assert.True(first.IsRetryable);
        Assert.Null(first.RetryAfter);
        Assert.Equal(LookupAttemptKind.Matched, second.Kind);
    }

    [Fact]
    public async Task Slow_answer_times_out()
    {
        fixture.Server.SetFaults(new GazetteerFaults { LatencyMs = 5_000 });
        await using var services = fixture.CreateServices(("CallTimeout", "00:00:00.200"));
        var stopwatch = Stopwatch.StartNew();

        var result = await Client(services).FetchAsync(new PlaceQuery("Vaduz", "LI", null), CorrelationId, Cancellation);

        Assert.Equal(LookupFailureReasons.Timeout, result.FailureReason);
        Assert.Equal(LookupAttemptKind.RetryableFailure, result.Kind);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(4), $"The call took {stopwatch.Elapsed}.");
    }

    [Fact]
    public async Task Caller_cancellation_is_thrown_not_classified()
    {
        fixture.Server.ResetFaults();
        await using var services = fixture.CreateServices();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Client(services).FetchAsync(new PlaceQuery("Vaduz", "LI", null), CorrelationId, cancelled.Token));
    }

    [Fact]
    public async Task Truncated_body_is_invalid_response()
    {
        fixture.Server.SetFaults(new GazetteerFaults { TruncateAfterBytes = 1_000 });
        await using var services = fixture.CreateServices();

        var result = await Client(services).FetchAsync(new PlaceQuery("Zürich", "CH", null), CorrelationId, Cancellation);

        Assert.Equal(LookupFailureReasons.InvalidResponse, result.FailureReason);
        Assert.Equal(LookupAttemptKind.RetryableFailure, result.Kind);
        Assert.Equal(1_000, result.BytesRead);
    }

    [Fact]
    public async Task Synthetic_body_over_limit_is_too_large()
    {
        fixture.Server.SetFaults(new GazetteerFaults { SyntheticItems = 30_000 });
        await using var services = fixture.CreateServices(("MaxResponseBytes", "1048576"));

        var result = await Client(services).FetchAsync(new PlaceQuery("Zürich", "CH", null), CorrelationId, Cancellation);

        Assert.Equal(LookupFailureReasons.PayloadTooLarge, result.FailureReason);
        Assert.Equal(LookupAttemptKind.PermanentFailure, result.Kind);

        // The client stops soon after the limit instead of reading the whole 3 MB body.
        Assert.InRange(result.BytesRead, 1_048_577, 2_000_000);
    }

    [Fact]
    public async Task Content_Length_over_limit_is_too_large_before_reading()
    {
        fixture.Server.ResetFaults();
        await using var services = fixture.CreateServices(("MaxResponseBytes", "1048576"));

        // The United States part of the array is about 1.7 MB and is sent with a Content-Length.
        var result = await Client(services).FetchAsync(new PlaceQuery("Springfield", "US", null), CorrelationId, Cancellation);

        Assert.Equal(LookupFailureReasons.PayloadTooLarge, result.FailureReason);
        Assert.Equal(0, result.BytesRead);
    }

    [Fact]
    public async Task Real_entries_after_synthetic_filler_still_match()
    {
        fixture.Server.SetFaults(new GazetteerFaults { SyntheticItems = 50_000 });
        await using var services = fixture.CreateServices();

        var result = await Client(services).FetchAsync(new PlaceQuery("Zürich", "CH", null), CorrelationId, Cancellation);

        Assert.Equal(LookupAttemptKind.Matched, result.Kind);
        Assert.Equal(47.36667m, result.Place?.Latitude);
        Assert.True(result.BytesRead > 5_000_000, $"Only {result.BytesRead} bytes were read.");
    }

    [Fact]
    public async Task Invalid_country_is_rejected()
    {
        fixture.Server.ResetFaults();
        await using var services = fixture.CreateServices();

        var result = await Client(services).FetchAsync(new PlaceQuery("Vaduz", "L1", null), CorrelationId, Cancellation);

        Assert.Equal(LookupFailureReasons.Rejected, result.FailureReason);
        Assert.Equal(LookupAttemptKind.PermanentFailure, result.Kind);
        Assert.Equal(400, result.StatusCode);
    }

    [Fact]
    public async Task Refused_connection_is_unavailable()
    {
        fixture.Server.ResetFaults();
        var closedPort = FindClosedPort();
        await using var services = fixture.CreateServices(("BaseAddress", $"http://127.0.0.1:{closedPort}/"));

        var result = await Client(services).FetchAsync(new PlaceQuery("Vaduz", "LI", null), CorrelationId, Cancellation);

        Assert.Equal(LookupFailureReasons.Unavailable, result.FailureReason);
        Assert.Null(result.StatusCode);
    }

    [Fact]
    public async Task Stand_in_records_trace_parent_and_correlation_id()
    {
        fixture.Server.ResetFaults();
        fixture.Server.ClearRequests();
        await using var services = fixture.CreateServices();
        using var activity = new Activity("lookup-test").SetIdFormat(ActivityIdFormat.W3C).Start();

        await Client(services).FetchAsync(new PlaceQuery("Vaduz", "LI", null), "correlation-42", Cancellation);

        var recorded = Assert.Single(fixture.Server.Requests);
        Assert.Equal("/cities", recorded.Path);
        Assert.Equal("?country=LI", recorded.Query);
        Assert.Equal("correlation-42", recorded.CorrelationId);
        Assert.Contains(activity.TraceId.ToHexString(), recorded.TraceParent ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(200, recorded.Status);
    }

    private static GazetteerClient Client(IServiceProvider services) => services.GetRequiredService<GazetteerClient>();

    /// <summary>
    /// Calls until one call fails, at most five times: a rate limit of one per second lets the first call through
    /// and throttles a later one unless the machine is so slow that a whole second passes between calls.
    /// </summary>
    private static async Task<LookupAttemptResult> FetchUntilFailureAsync(GazetteerClient client, PlaceQuery query)
    {
        LookupAttemptResult result;
        var calls = 0;
        do
        {
            result = await client.FetchAsync(query, CorrelationId, Cancellation);
            calls++;
        }
        while (result.IsSuccess && calls < 5);

        return result;
    }

    private static int FindClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
