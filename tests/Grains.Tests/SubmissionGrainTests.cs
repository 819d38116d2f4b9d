using System.Text.Json;
using Dovetail.Grains.Abstractions.Submissions;

namespace Dovetail.Grains.Tests;

public sealed class SubmissionGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private ISubmissionGrain NewSubmission() => fixture.Grains.GetGrain<ISubmissionGrain>(Submissions.NewId());

    [Fact]
    public async Task Create_ReturnsCreatedAtOnce_WithEnrichmentRunning()
    {
        var grain = NewSubmission();

        var result = await grain.CreateAsync(Submissions.Create("Zürich", "CH"));

        Assert.Equal(CreateSubmissionOutcome.Created, result.Outcome);
        Assert.NotNull(result.View);
        Assert.Contains(result.View.Status, new[] { SubmissionStatus.Accepted, SubmissionStatus.Enriching });
    }

    [Fact]
    public async Task Create_FirstTransitionAtCreationTime()
    {
        var grain = NewSubmission();

        var result = await grain.CreateAsync(Submissions.Create("Zürich", "CH"));
        var timeline = await grain.GetTimelineAsync(Submissions.ClientId);

        Assert.Equal(result.View!.CreatedAt, timeline![0].At);
    }

    [Fact]
    public async Task Enrichment_ThenData_Completes()
    {
        var grain = NewSubmission();
        await grain.CreateAsync(Submissions.Create("Zürich", "CH"));
        await WaitForStatusAsync(grain, SubmissionStatus.AwaitingData);

        var result = await grain.AddDataAsync(Submissions.AddData("""{"note":"second half"}"""));

        Assert.Equal(AddDataOutcome.Completed, result.Outcome);
        using var document = JsonDocument.Parse(result.View!.Json);
        var final = document.RootElement.GetProperty("result");
        Assert.Equal("Zürich", final.GetProperty("enrichment").GetProperty("place").GetProperty("name").GetString());
        Assert.Equal("second half", final.GetProperty("additionalData").GetProperty("note").GetString());
    }

    [Fact]
    public async Task DataFirst_ThenEnrichment_Completes()
    {
        var grain = NewSubmission();
        await grain.CreateAsync(Submissions.Create("Genève", "CH"));

        var stored = await grain.AddDataAsync(Submissions.AddData("""{"note":"early"}"""));
        var view = await WaitForStatusAsync(grain, SubmissionStatus.Completed);

        Assert.Contains(stored.Outcome, new[] { AddDataOutcome.Stored, AddDataOutcome.Completed });
        Assert.Contains("\"early\"", view.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FinalObject_KeepsEveryDigitOfLargeIntegers()
    {
        var grain = NewSubmission();
        await grain.CreateAsync(Submissions.Create("Bern", "CH"));
        await grain.AddDataAsync(Submissions.AddData("""{"big":98765432109876543210987}"""));

        var view = await WaitForStatusAsync(grain, SubmissionStatus.Completed);

        Assert.Contains("12345678901234567890123", view.Json, StringComparison.Ordinal);
        Assert.Contains("98765432109876543210987", view.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddData_SameDataTwice_GivesSameOutcome()
    {
        var grain = NewSubmission();
        await grain.CreateAsync(Submissions.Create("Basel", "CH"));
        await WaitForStatusAsync(grain, SubmissionStatus.AwaitingData);

        var first = await grain.AddDataAsync(Submissions.AddData("""{"n":1}"""));
        var second = await grain.AddDataAsync(Submissions.AddData("""{"n":1}"""));

        Assert.Equal(AddDataOutcome.Completed, first.Outcome);
        Assert.Equal(AddDataOutcome.Completed, second.Outcome);
        Assert.Equal(first.View!.Version, second.View!.Version);
    }

    [Fact]
    public async Task AddData_OtherDataAfterStored_Conflicts()
    {
        var grain = NewSubmission();
        await grain.CreateAsync(Submissions.Create("Basel", "CH"));
        await grain.AddDataAsync(Submissions.AddData("""{"n":1}"""));

        var result = await grain.AddDataAsync(Submissions.AddData("""{"n":2}"""));

        Assert.Equal(AddDataOutcome.ConflictingData, result.Outcome);
    }

    [Fact]
    public async Task AddData_UnknownId_IsNotFound()
    {
        var result = await NewSubmission().AddDataAsync(Submissions.AddData("""{"n":1}"""));

        Assert.Equal(AddDataOutcome.NotFound, result.Outcome);
        Assert.Null(result.View);
    }

    [Fact]
    public async Task Get_OtherClient_ReturnsNull()
    {
        var grain = NewSubmission();
        await grain.CreateAsync(Submissions.Create("Bern", "CH"));

        var view = await grain.GetAsync("another-client");

        Assert.Null(view);
    }

    [Fact]
    public async Task AddData_OtherClient_IsNotFound()
    {
        var grain = NewSubmission();
        await grain.CreateAsync(Submissions.Create("Bern", "CH"));

        var result = await grain.AddDataAsync(Submissions.AddData("""{"n":1}""", clientId: "another-client"));

        Assert.Equal(AddDataOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task UnknownPlace_IsRecordedAsNoMatch()
    {
        var grain = NewSubmission();
        await grain.CreateAsync(Submissions.Create("Nowhere Qxzv", "CH"));

        var view = await WaitForStatusAsync(grain, SubmissionStatus.AwaitingData);

        Assert.Contains("\"no-match\"", view.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_SameIdTwice_ReplaysOriginal()
    {
        var grain = NewSubmission();
        var command = Submissions.Create("Lugano", "CH");

        var first = await grain.CreateAsync(command);
        var second = await grain.CreateAsync(command);

        Assert.Equal(CreateSubmissionOutcome.Replayed, second.Outcome);
        Assert.Equal(first.View!.Id, second.View!.Id);
    }

    [Fact]
    public async Task Versions_CountCommittedTransitions()
    {
        var grain = NewSubmission();
        await grain.CreateAsync(Submissions.Create("Zug", "CH"));
        await WaitForStatusAsync(grain, SubmissionStatus.AwaitingData);

        var result = await grain.AddDataAsync(Submissions.AddData("""{"n":1}"""));

        // accepted, enriching, awaiting-data, completed
        Assert.Equal(4, result.View!.Version);
    }

    private static async Task<SubmissionView> WaitForStatusAsync(ISubmissionGrain grain, SubmissionStatus status)
    {
        var view = await Polling.UntilAsync(
            async () => (await grain.GetAsync(Submissions.ClientId))!,
            view => view.Status == status || view.Status.IsFinal(),
            Bound);
        Assert.True(view.Status == status, $"Expected {status}, got {view.Status}: {view.Json}");
        return view;
    }
}
