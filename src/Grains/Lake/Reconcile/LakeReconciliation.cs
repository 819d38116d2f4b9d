namespace Dovetail.Grains.Lake.Reconcile;

/// <summary>The outcome of comparing committed submissions with the lake.</summary>
/// <param name="Objects">Published objects that contain records of the compared submissions.</param>
/// <param name="Records">Records of the compared submissions in those objects, duplicates included.</param>
/// <param name="QueryResults">Those objects whose query result is stored and matches the object.</param>
/// <param name="Missing">Committed event ids found in no published object.</param>
/// <param name="Duplicated">Event ids found in more than one record.</param>
/// <param name="Unexpected">Event ids of the compared submissions that they never committed.</param>
/// <param name="ResultProblems">Objects whose query result is missing, failed or made from other bytes.</param>
public sealed record LakeReconciliation(
    int Objects,
    int Records,
    int QueryResults,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Duplicated,
    IReadOnlyList<string> Unexpected,
    IReadOnlyList<string> ResultProblems)
{
    /// <summary>The number of problems found; zero when the lake matches the committed submissions.</summary>
    public int Mismatches => Missing.Count + Duplicated.Count + Unexpected.Count + ResultProblems.Count;
}
