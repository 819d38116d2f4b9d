namespace Dovetail.Demo.Running;

/// <summary>
/// Submission status names as the API returns them.
/// </summary>
internal static class SubmissionStatuses
{
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Expired = "expired";

    public static bool IsFinal(string? status) => status is Completed or Failed or Expired;
}
