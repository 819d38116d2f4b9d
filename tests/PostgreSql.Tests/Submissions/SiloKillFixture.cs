namespace Dovetail.PostgreSql.Tests.Submissions;

/// <summary>
/// A cluster whose enrichment reminder ticks every second, so lookups lost with a killed silo are dispatched
/// again within seconds instead of the default minute.
/// </summary>
public sealed class SiloKillFixture : SubmissionClusterFixture
{
    protected override void Configure(IDictionary<string, string> settings) =>
        settings["Submissions:ReminderPeriod"] = "00:00:01";
}
