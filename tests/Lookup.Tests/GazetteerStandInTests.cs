using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dovetail.Gazetteer;
using Xunit;

namespace Dovetail.Lookup.Tests;

/// <summary>
/// The stand-in's own HTTP surface: the full array and the admin endpoints.
/// </summary>
public sealed class GazetteerStandInTests(GazetteerFixture fixture) : IClassFixture<GazetteerFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Full_array_is_the_file_as_it_is()
    {
        fixture.Server.ResetFaults();
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };

        using var response = await http.GetAsync(new Uri("cities", UriKind.Relative), Cancellation);
        var body = await response.Content.ReadAsByteArrayAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new FileInfo(GazetteerDataFile.Path).Length, body.LongLength);
    }

    [Fact]
    public async Task Country_filter_returns_only_that_country()
    {
        fixture.Server.ResetFaults();
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };

        using var document = JsonDocument.Parse(
            await http.GetStringAsync(new Uri("cities?country=li", UriKind.Relative), Cancellation));

        var countries = document.RootElement.EnumerateArray().Select(item => item.GetProperty("country").GetString());
        Assert.All(countries, country => Assert.Equal("LI", country));
        Assert.True(document.RootElement.GetArrayLength() > 5);
    }

    [Fact]
    public async Task Admin_faults_replace_read_and_reset()
    {
        fixture.Server.ResetFaults();
        fixture.Server.ClearRequests();
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };

        using var put = await http.PutAsJsonAsync(
            new Uri("admin/faults", UriKind.Relative), new { failFirst = 1, errorStatus = 502 }, Cancellation);
        using var failed = await http.GetAsync(new Uri("cities?country=LI", UriKind.Relative), Cancellation);
        using var served = await http.GetAsync(new Uri("cities?country=LI", UriKind.Relative), Cancellation);
        var stats = await http.GetFromJsonAsync<GazetteerStats>(
            new Uri("admin/stats", UriKind.Relative), JsonSerializerOptions.Web, Cancellation);
        using var delete = await http.DeleteAsync(new Uri("admin/faults", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(new GazetteerStats(Requests: 2, Served: 1, Throttled: 0, Failed: 1), stats);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(GazetteerFaults.None, fixture.Server.Faults);
    }

    [Fact]
    public async Task Admin_faults_reject_invalid_values()
    {
        fixture.Server.ResetFaults();
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };

        using var response = await http.PutAsJsonAsync(
            new Uri("admin/faults", UriKind.Relative), new { errorRate = 2.5 }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GazetteerFaults.None, fixture.Server.Faults);
    }

    [Fact]
    public async Task Admin_requests_lists_and_clears()
    {
        fixture.Server.ResetFaults();
        fixture.Server.ClearRequests();
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("cities?country=AD", UriKind.Relative));
        request.Headers.Add("X-Correlation-Id", "admin-test");

        using var cities = await http.SendAsync(request, Cancellation);
        var recorded = await http.GetFromJsonAsync<List<RecordedRequest>>(
            new Uri("admin/requests", UriKind.Relative), JsonSerializerOptions.Web, Cancellation);
        using var clear = await http.DeleteAsync(new Uri("admin/requests", UriKind.Relative), Cancellation);

        var single = Assert.Single(recorded ?? []);
        Assert.Equal("admin-test", single.CorrelationId);
        Assert.Equal(HttpStatusCode.NoContent, clear.StatusCode);
        Assert.Empty(fixture.Server.Requests);
    }
}
