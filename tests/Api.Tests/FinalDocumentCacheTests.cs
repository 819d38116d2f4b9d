using System.Net;
using System.Text;
using Dovetail.Api.Hosting;
using Dovetail.Api.Submissions;
using Dovetail.Grains.Abstractions.Submissions;
using Microsoft.Extensions.Options;
using Xunit;

namespace Dovetail.Api.Tests;

public sealed class FinalDocumentCacheTests(ApiFactory factory)
{
    [Fact]
    public void NonFinalView_IsNotCached()
    {
        using var cache = new FinalDocumentCache(Options.Create(new ApiOptions()));

        cache.AddIfFinal("a", View("s-1", SubmissionStatus.AwaitingData));

        Assert.False(cache.TryGet("a", "s-1", out _));
    }

    [Fact]
    public void FinalView_IsServedOnlyToItsClient()
    {
        using var cache = new FinalDocumentCache(Options.Create(new ApiOptions()));

        cache.AddIfFinal("a", View("s-1", SubmissionStatus.Completed));

        Assert.True(cache.TryGet("a", "s-1", out var view));
        Assert.Equal("s-1", view.Id);
        Assert.False(cache.TryGet("b", "s-1", out _));
    }

    [Fact]
    public void ZeroBytes_TurnsCacheOff()
    {
        using var cache = new FinalDocumentCache(Options.Create(new ApiOptions { FinalDocumentCacheBytes = 0 }));

        cache.AddIfFinal("a", View("s-1", SubmissionStatus.Completed));

        Assert.False(cache.TryGet("a", "s-1", out _));
    }

    [Fact]
    public async Task CompletedSubmission_ReadTwice_StaysPrivateToOwner()
    {
        using var owner = factory.CreateApiClient();
        using var other = factory.CreateApiClient(ApiFactory.KeyB);
        using var created = await owner.CreateSubmissionAsync();
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString()!;
        using var added = await owner.PostJsonAsync($"/v1/submissions/{id}/additional-data", """{"n":1}""");
        await WaitForCompletedAsync(owner, id);

        using var first = await owner.GetAsync($"/v1/submissions/{id}", TestContext.Current.CancellationToken);
        using var fromOther = await other.GetAsync($"/v1/submissions/{id}", TestContext.Current.CancellationToken);
        using var second = await owner.GetAsync($"/v1/submissions/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fromOther.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(
            await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task WaitForCompletedAsync(HttpClient client, string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync($"/v1/submissions/{id}", TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            if (text.Contains("\"status\":\"completed\"", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
        }

        Assert.Fail($"Submission {id} did not complete within 20 seconds.");
    }

    private static SubmissionView View(string id, SubmissionStatus status) => new(
        id, status, 4, "c-1", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null, Encoding.UTF8.GetBytes("{}"));
}
