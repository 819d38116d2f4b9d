using Dovetail.Grains.Lake;

namespace Dovetail.Benchmarks.Lake;

/// <summary>
/// A manifest as the watcher found it, with the <see cref="System.Diagnostics.Stopwatch"/> timestamp of the poll
/// that first saw it.
/// </summary>
/// <param name="BeforeFlush">True when the manifest was seen before the benchmark asked the grains to flush, so the
/// object was published because it reached the size limit (or, rarely, because its window ended).</param>
internal sealed record ObservedManifest(LakeManifest Manifest, long SeenTimestamp, bool BeforeFlush);
