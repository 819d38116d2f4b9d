using System.ComponentModel.DataAnnotations;

namespace Dovetail.Grains.Submissions;

/// <summary>
/// Settings of the submission grains, bound from the <c>Submissions</c> configuration section.
/// </summary>
public sealed class SubmissionOptions
{
    public const string SectionName = "Submissions";

    /// <summary>How long after the first request the additional data may arrive before the submission expires.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan AdditionalDataDeadline { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The period of the deadline and enrichment reminders. A pending enrichment is dispatched again on each tick,
    /// so a lookup that a crashed silo lost is retried within one period. Orleans rejects periods under its
    /// <c>ReminderOptions.MinimumReminderPeriod</c> (1 minute unless lowered).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
