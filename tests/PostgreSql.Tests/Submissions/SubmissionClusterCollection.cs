using Xunit;

namespace Dovetail.PostgreSql.Tests.Submissions;

/// <summary>
/// Runs the submission cluster classes one after another. Each restarts or kills silos and waits on reminders
/// of one or two seconds, and several two-silo clusters side by side on a small machine make those waits flaky.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SubmissionClusterCollection
{
    public const string Name = "Submission clusters on PostgreSQL";
}
