namespace Dovetail.Benchmarks.Lake;

/// <summary>
/// An object the pipeline published, with the indexes of its events in the run's <see cref="LakeEventSet"/>, in the
/// order of its lines.
/// </summary>
internal sealed record PublishedObject(ObservedManifest Observed, IReadOnlyList<int> EventIndexes);
