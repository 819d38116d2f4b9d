using Parquet.Serialization;

namespace Dovetail.Grains.Lake;

/// <summary>Reads the rows of a lake object.</summary>
public static class LakeRecordReader
{
    /// <summary>
    /// Reads every row of the Parquet object in <paramref name="content"/>. Parquet keeps its index at the end of the
    /// file, so a stream that cannot seek, such as an S3 download, is copied into memory first.
    /// </summary>
    public static async Task<IList<LakeRecord>> ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.CanSeek)
        {
            return (await ParquetSerializer.DeserializeAsync<LakeRecord>(content, cancellationToken: cancellationToken)).Data;
        }

        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        return (await ParquetSerializer.DeserializeAsync<LakeRecord>(copy, cancellationToken: cancellationToken)).Data;
    }
}
