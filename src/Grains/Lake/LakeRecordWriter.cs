using Dovetail.Grains.Abstractions.Changes;
using Parquet;
using Parquet.Serialization;

namespace Dovetail.Grains.Lake;

/// <summary>
/// Writes change events as a Parquet file of <see cref="LakeRecord"/> rows, compressed with Zstandard.
/// </summary>
internal static class LakeRecordWriter
{
    // Row groups of this many rows keep a reader's memory bounded on large objects, while small objects stay one group.
    private const int RowGroupSize = 10_000;

    private static readonly ParquetOptions Options = new()
    {
        CompressionMethod = CompressionMethod.Zstd,
        RowGroupSize = RowGroupSize,
    };

    public static async Task WriteAsync(Stream destination, IEnumerable<SubmissionChanged> changes, CancellationToken cancellationToken) =>
        await ParquetSerializer.SerializeAsync(changes.Select(LakeRecord.From), destination, Options, cancellationToken: cancellationToken);

    /// <summary>Estimates the uncompressed size of one event, for the size limit of a batch.</summary>
    public static long EstimateBytes(SubmissionChanged change) =>
        change.DocumentJson.Length + change.EventId.Length + change.CorrelationId.Length + 256;
}
