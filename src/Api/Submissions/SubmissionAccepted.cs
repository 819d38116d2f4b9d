namespace Dovetail.Api.Submissions;

/// <summary>
/// The body of a <c>202 Accepted</c> response to <c>POST /v1/submissions</c>.
/// </summary>
/// <param name="Status">The wire name of the submission's status, such as <c>enriching</c>.</param>
public sealed record SubmissionAccepted(string Id, string Status, string CorrelationId);
