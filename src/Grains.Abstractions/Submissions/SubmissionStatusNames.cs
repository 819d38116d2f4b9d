namespace Dovetail.Grains.Abstractions.Submissions;

/// <summary>
/// Converts statuses to and from the kebab-case names used on the wire and in logs.
/// </summary>
public static class SubmissionStatusNames
{
    public static string ToWireName(this SubmissionStatus status) => status switch
    {
        SubmissionStatus.Accepted => "accepted",
        SubmissionStatus.Enriching => "enriching",
        SubmissionStatus.AwaitingData => "awaiting-data",
        SubmissionStatus.AwaitingEnrichment => "awaiting-enrichment",
        SubmissionStatus.Completed => "completed",
        SubmissionStatus.Failed => "failed",
        SubmissionStatus.Expired => "expired",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown submission status."),
    };

    /// <summary>Returns true for statuses that never change again.</summary>
    public static bool IsFinal(this SubmissionStatus status) =>
        status is SubmissionStatus.Completed or SubmissionStatus.Failed or SubmissionStatus.Expired;
}
