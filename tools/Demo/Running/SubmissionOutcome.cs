namespace Dovetail.Demo.Running;

/// <summary>
/// What happened to one submission. One task fills it in while the submission runs; the summary reads it after
/// every task has ended.
/// </summary>
internal sealed class SubmissionOutcome(SubmissionPlan plan)
{
    public SubmissionPlan Plan { get; } = plan;

    /// <summary>The id the API assigned, or null when the first POST did not succeed.</summary>
    public string? Id { get; set; }

    /// <summary>The last status seen in any response.</summary>
    public string? LastStatus { get; set; }

    public bool IsFinal => SubmissionStatuses.IsFinal(LastStatus);

    public TimeSpan? FirstPostLatency { get; set; }

    public TimeSpan? AdditionalDataLatency { get; set; }

    /// <summary>Time from the start of the first POST until a response showed a final status.</summary>
    public TimeSpan? TimeToFinal { get; set; }

    public List<TimeSpan> GetLatencies { get; } = [];

    /// <summary>The additional-data POST's status and problem code, such as "HTTP 202" or "HTTP 409 (submission_failed)".</summary>
    public string? AdditionalDataResult { get; set; }

    /// <summary>Whether the repeated first POST returned the same id; null when it was not repeated or failed.</summary>
    public bool? RepeatReturnedSameId { get; set; }

    /// <summary>Attempts the client retried after a transport error, 429 or 502 to 504.</summary>
    public int ClientRetries { get; set; }

    /// <summary>Every error met, each as one line naming the step.</summary>
    public List<string> Errors { get; } = [];

    public bool WasCancelled { get; set; }
}
