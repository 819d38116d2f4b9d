using System.Net;
using System.Text.Json;
using Xunit;

namespace Dovetail.Api.Tests;

public sealed class TimelineTests(ApiFactory factory)
{
    [Fact]
    public async Task Events_ListEveryTransitionInOrder()
    {
        using var client = factory.CreateApiClient();
        using var created = await client.CreateSubmissionAsync();
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString()!;
        await WaitForEventCountAsync(client, id, 3);
        using var added = await client.PostJsonAsync($"/v1/submissions/{id}/additional-data", """{"n":1}""");

        using var response = await client.GetAsync($"/v1/submissions/{id}/events", TestContext.Current.CancellationToken);
        var events = (await response.ReadJsonAsync()).GetProperty("events").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([1, 2, 3, 4], events.Select(item => item.GetProperty("version").GetInt32()));
        Assert.Equal(
            ["created", "dispatched", "enrichment", "additional-data"],
            events.Select(item => item.GetProperty("cause").GetString()));
        Assert.Equal(
            ["accepted", "enriching", "awaiting-data", "completed"],
            events.Select(item => item.GetProperty("status").GetString()));
        // Other tests look up the same place, so the outcome may come from the cache with 0 attempts.
        Assert.Equal(JsonValueKind.Number, events[2].GetProperty("attempts").ValueKind);
        Assert.Equal(JsonValueKind.Null, events[0].GetProperty("attempts").ValueKind);
        Assert.Equal(created.Headers.GetValues("X-Correlation-Id").Single(), events[0].GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task Events_ArePrivateAndRevalidated()
    {
        using var client = factory.CreateApiClient();
        using var created = await client.CreateSubmissionAsync();
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString()!;

        using var response = await client.GetAsync($"/v1/submissions/{id}/events", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.Private);
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    [Fact]
    public async Task Events_OtherClient_Is404()
    {
        using var owner = factory.CreateApiClient();
        using var other = factory.CreateApiClient(ApiFactory.KeyB);
        using var created = await owner.CreateSubmissionAsync();
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString()!;

        using var response = await other.GetAsync($"/v1/submissions/{id}/events", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("submission_not_found", await response.ReadProblemCodeAsync());
    }

    private static async Task WaitForEventCountAsync(HttpClient client, string id, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var length = 0;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync($"/v1/submissions/{id}/events", TestContext.Current.CancellationToken);
            length = (await response.ReadJsonAsync()).GetProperty("events").GetArrayLength();
            if (length >= count)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
        }

        Assert.Fail($"Submission {id} had {length} events after 20 seconds, expected {count}.");
    }
}
