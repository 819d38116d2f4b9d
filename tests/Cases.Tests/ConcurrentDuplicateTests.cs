using System.Net;
using System.Text.Json;

namespace Dovetail.Cases.Tests;

/// <summary>
/// Twenty first requests at once with the same body and idempotency key, over separate connections.
/// </summary>
public sealed class ConcurrentDuplicateTests(DovetailApp app) : IClassFixture<DovetailApp>
{
    [Fact]
    public async Task TwentyDuplicates_OneSubmission_OneExternalCall()
    {
        // Liechtenstein is asked for by no other test of this class, so every stand-in request for it is ours.
        const string body = """{"place":{"name":"Schaan","country":"LI"},"order":"A-1"}""";
        var key = Guid.NewGuid().ToString("N");
        var clients = Enumerable.Range(0, 20).Select(_ => app.CreateApiClient()).ToList();
        try
        {
            var sends = clients.Select(async client =>
            {
                using var response = await SubmissionClient.CreateAsync(client, body, key);
                return (response.StatusCode, Body: await SubmissionClient.ReadJsonAsync(response));
            }).ToList();
            var answers = await Task.WhenAll(sends);
            var id = answers[0].Body.GetProperty("id").GetString()!;
            var settled = await SubmissionClient.WaitForStatusAsync(clients[0], id, TimeSpan.FromSeconds(30), "awaiting-data", "failed");

            Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode));
            Assert.Single(answers.Select(answer => answer.Body.GetProperty("id").GetString()).Distinct());
            Assert.Equal("awaiting-data", settled.GetProperty("status").GetString());
            Assert.Single(app.Gazetteer.Requests, request => request.Query.Contains("country=LI", StringComparison.OrdinalIgnoreCase));

            // accepted, enriching, awaiting-data: one submission made exactly these changes, once each.
            Assert.Equal(3, settled.GetProperty("version").GetInt32());
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }

    [Fact]
    public async Task SameKeyDifferentBody_Is422()
    {
        using var client = app.CreateApiClient();
        var key = Guid.NewGuid().ToString("N");
        await SubmissionClient.CreateIdAsync(client, """{"place":{"name":"Chur","country":"CH"}}""", key);

        using var response = await SubmissionClient.CreateAsync(client, """{"place":{"name":"Davos","country":"CH"}}""", key);
        var problem = await SubmissionClient.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("idempotency_key_reused", problem.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.String, problem.GetProperty("correlationId").ValueKind);
    }
}
