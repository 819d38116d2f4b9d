namespace Dovetail.Grains.Tests;

/// <summary>
/// A cluster whose submissions expire two seconds after the first request, with one-second reminder ticks.
/// </summary>
public sealed class ShortDeadlineFixture : ClusterFixture
{
    protected override void Configure(IDictionary<string, string> settings)
    {
        settings["Submissions:AdditionalDataDeadline"] = "00:00:02";
        settings["Submissions:ReminderPeriod"] = "00:00:01";
    }
}
