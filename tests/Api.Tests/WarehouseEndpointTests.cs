using System.Globalization;
using System.Net;
using System.Text.Json;
using Xunit;

namespace Dovetail.Api.Tests;

/// <summary>
/// The operator's load endpoint and the insights dataset on the gateway that hosts the silo in local mode.
/// </summary>
public sealed class WarehouseEndpointTests(ApiFactory factory)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Load_InvalidDay_Is400NamingDay()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.PostAsync("/warehouse/loads/2026-13-01", null, TestContext.Current.CancellationToken);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("invalid_day", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal("day", problem.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Load_WithoutKey_Is401()
    {
        using var client = factory.CreateApiClient(apiKey: null);

        using var response = await client.PostAsync("/warehouse/loads/2026-12-01", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/warehouse/loads/{tomorrow}", "invalid_day", "day")]
    [InlineData("/warehouse/loads/2026-12-01?force=yes", "invalid_parameter", "force")]
    public async Task Load_BadRequest_Is400NamingField(string path, string code, string field)
    {
        using var client = factory.CreateApiClient();
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var response = await client.PostAsync(
            path.Replace("{tomorrow}", tomorrow, StringComparison.Ordinal), null, TestContext.Current.CancellationToken);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
        Assert.Equal(
            "https://dovetail.dev/problems/" + code.Replace('_', '-'), problem.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Load_Today_LoadsAndRefreshesInsights()
    {
        using var client = factory.CreateApiClient();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var response = await client.PostAsync(
            $"/warehouse/loads/{today}?force=true", null, TestContext.Current.CancellationToken);
        using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var dataset = await PollInsightsAsync(client, today);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("loaded", result.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(today, result.RootElement.GetProperty("day").GetString());
        Assert.True(dataset.RootElement.GetProperty("version").GetInt32() >= 1);
    }

    private static async Task<JsonDocument> PollInsightsAsync(HttpClient client, string day)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (true)
        {
            var document = JsonDocument.Parse(await client.GetStringAsync("/insights/data", TestContext.Current.CancellationToken));
            if (document.RootElement.GetProperty("lastLoad") is { ValueKind: JsonValueKind.Object } load
                && load.GetProperty("day").GetString() == day)
            {
                return document;
            }

            document.Dispose();
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The insights dataset did not show the load of {day} within {Bound}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }
    }
}
