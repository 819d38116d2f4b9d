using System.Net;

namespace Dovetail.Cases.Tests;

/// <summary>
/// Ambiguous and invalid JSON bodies get a problem document that names what is wrong, and nothing is stored.
/// </summary>
public sealed class InvalidJsonTests(DovetailApp app) : IClassFixture<DovetailApp>
{
    private const string Place = "\"place\":{\"name\":\"Bern\",\"country\":\"CH\"}";

    public static TheoryData<string, string> Bodies => new()
    {
        { Body(""","city":"a","city":"b" """), "duplicate_property" },
        { Body(""","score":1e400"""), "number_out_of_range" },
        { Body(""","text":"\ud800" """), "invalid_string" },
        { Body(",\"deep\":" + new string('[', 10_000) + new string(']', 10_000)), "nesting_too_deep" },
    };

    /// <summary>Returns a body with a valid place followed by <paramref name="members"/>.</summary>
    private static string Body(string members) => "{" + Place + members + "}";

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task InvalidBody_Is400WithCode_AndStoresNothing(string body, string code)
    {
        using var client = app.CreateApiClient();
        var key = Guid.NewGuid().ToString("N");

        using var rejected = await SubmissionClient.CreateAsync(client, body, key);
        var problem = await SubmissionClient.ReadJsonAsync(rejected);
        using var valid = await SubmissionClient.CreateAsync(client, "{" + Place + "}", key);

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal("application/problem+json", SubmissionClient.ContentType(rejected));
        Assert.Equal(code, problem.GetProperty("code").GetString());

        // Had the rejected body been stored under the key, the valid one would now be a 422 or a replay.
        Assert.Equal(HttpStatusCode.Accepted, valid.StatusCode);
        Assert.False(valid.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task BodyOverLimit_Is413()
    {
        using var client = app.CreateApiClient();
        var body = Body(",\"filler\":\"" + new string('x', 300 * 1024) + "\"");

        using var response = await SubmissionClient.CreateAsync(client, body);
        var problem = await SubmissionClient.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("body_too_large", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task TwentyFiveDigitInteger_KeepsEveryDigit()
    {
        using var client = app.CreateApiClient();

        var id = await SubmissionClient.CreateIdAsync(client, Body(""","amount":1234567890123456789012345"""));
        using var added = await SubmissionClient.AddDataAsync(client, id, """{"n":1}""");
        var final = await SubmissionClient.WaitForStatusAsync(client, id, TimeSpan.FromSeconds(30), "completed", "failed");

        var text = final.GetProperty("result").GetProperty("payload").GetProperty("amount").GetRawText();
        Assert.Equal("1234567890123456789012345", text);
    }

    [Fact]
    public async Task LoneSurrogateInPropertyName_Is400()
    {
        using var client = app.CreateApiClient();
        var body = Body(""","\udc00":1""");

        using var response = await SubmissionClient.CreateAsync(client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
