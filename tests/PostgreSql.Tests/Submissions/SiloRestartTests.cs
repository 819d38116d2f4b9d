using System.Text.Json;
using Dovetail.Grains.Abstractions.Submissions;
using Xunit;

namespace Dovetail.PostgreSql.Tests.Submissions;

[Collection(SubmissionClusterCollection.Name)]
public sealed class SiloRestartTests(SubmissionClusterFixture fixture) : IClassFixture<SubmissionClusterFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AwaitingData_AfterRestarts_CompletesWithPayload()
    {
        var id = SubmissionCommands.NewId();
        var create = SubmissionCommands.Create("Zürich", "CH");
        const string additionalData = """{"note":"second half","amount":98765432109876543210987}""";
        await fixture.Grains.GetGrain<ISubmissionGrain>(id).CreateAsync(create);
        var enriched = await WaitForStatusAsync(id, SubmissionStatus.AwaitingData);

        await fixture.RestartAllSilosAsync();
        var afterRestart = await fixture.Grains.GetGrain<ISubmissionGrain>(id).GetAsync(SubmissionCommands.ClientId);
        var added = await fixture.Grains.GetGrain<ISubmissionGrain>(id)
            .AddDataAsync(SubmissionCommands.AddData(additionalData));

        // A second restart drops every activation, so the final object below is rendered from stored state.
        await fixture.RestartAllSilosAsync();
        var final = await fixture.Grains.GetGrain<ISubmissionGrain>(id).GetAsync(SubmissionCommands.ClientId);

        Assert.NotNull(afterRestart);
        Assert.Equal(SubmissionStatus.AwaitingData, afterRestart.Status);
        Assert.Equal(enriched.Version, afterRestart.Version);
        Assert.Equal(enriched.Json, afterRestart.Json);
        Assert.Equal(AddDataOutcome.Completed, added.Outcome);
        Assert.NotNull(final);
        Assert.Equal(SubmissionStatus.Completed, final.Status);
        Assert.Equal(added.View!.Version, final.Version);
        Assert.Equal(added.View.Json, final.Json);

        using var document = JsonDocument.Parse(final.Json);
        var result = document.RootElement.GetProperty("result");
        Assert.Equal(create.PayloadJson, result.GetProperty("payload").GetRawText());
        Assert.Equal(additionalData, result.GetProperty("additionalData").GetRawText());
        Assert.Equal(
            "Zürich", result.GetProperty("enrichment").GetProperty("place").GetProperty("name").GetString());
    }

    [Fact]
    public async Task StoredState_AfterRestart_KeepsTimeline()
    {
        var grain = fixture.Grains.GetGrain<ISubmissionGrain>(SubmissionCommands.NewId());
        await grain.CreateAsync(SubmissionCommands.Create("Bern", "CH"));
        await WaitForStatusAsync(grain.GetPrimaryKeyString(), SubmissionStatus.AwaitingData);
        await grain.AddDataAsync(SubmissionCommands.AddData("""{"n":1}"""));

        await fixture.RestartAllSilosAsync();
        var stored = await fixture.ReadStoredSubmissionAsync(grain);

        Assert.True(stored.RecordExists);
        Assert.NotNull(stored.State);
        Assert.Equal(SubmissionStatus.Completed, stored.State.Status);
        Assert.Equal(4, stored.State.Version);
        Assert.Equal(
            [
                SubmissionStatus.Accepted, SubmissionStatus.Enriching, SubmissionStatus.AwaitingData,
                SubmissionStatus.Completed,
            ],
            stored.State.Timeline.Select(transition => transition.Status));
        Assert.Equal([1, 2, 3, 4], stored.State.Timeline.Select(transition => transition.Version));
    }

    private async Task<SubmissionView> WaitForStatusAsync(string id, SubmissionStatus status)
    {
        var grain = fixture.Grains.GetGrain<ISubmissionGrain>(id);
        var view = await Polling.UntilAsync(
            async () => (await grain.GetAsync(SubmissionCommands.ClientId))!,
            view => view.Status == status || view.Status.IsFinal(),
            Bound);
        Assert.True(view.Status == status, $"Expected {status}, got {view.Status}: {view.Json}");
        return view;
    }
}
