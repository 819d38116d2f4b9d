namespace Dovetail.Grains.Lake.Queries;

/// <summary>
/// A dead-letter entry: an object whose query failed on every attempt, or whose object was missing. It names the
/// failure but contains none of the object's records.
/// </summary>
/// <param name="Query">The query that failed, such as <c>object-summary</c>.</param>
/// <param name="Reason">The exception type and message of the last attempt.</param>
/// <param name="Attempts">How many attempts the failed run made; 1 for a missing object.</param>
public sealed record LakeQueryDeadLetter(string ObjectPath, string Query, string Reason, int Attempts, DateTimeOffset FailedAt);
