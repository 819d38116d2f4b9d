namespace Dovetail.PostgreSql.Tests.Submissions;

/// <summary>
/// A cluster whose submissions expire four seconds after the first request, with reminder ticks every second.
/// </summary>
public sealed class ShortDeadlineFixture : SubmissionClusterFixture
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(4);

    public static readonly TimeSpan ReminderPeriod = TimeSpan.FromSeconds(1);

    protected override void Configure(IDictionary<string, string> settings)
    {
        settings["Submissions:AdditionalDataDeadline"] = Deadline.ToString("c");
        settings["Submissions:ReminderPeriod"] = ReminderPeriod.ToString("c");
    }
}
