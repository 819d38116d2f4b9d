namespace Dovetail.Grains.Lake;

/// <summary>
/// The object store that contains the lake: a local folder or an S3 bucket. Paths are relative, with forward
/// slashes, such as <c>changes/date=2026-12-04/hour=17/p003-20261204T170500Z-0001.parquet</c>.
/// </summary>
public interface ILakeStore
{
    /// <summary>A readable description of where the lake is, such as a folder or an <c>s3://</c> address.</summary>
    string Location { get; }

    /// <summary>
    /// Stores <paramref name="content"/> at <paramref name="path"/>, replacing any object there. Writing is atomic:
    /// a reader sees the old object or the whole new one, never part of it, and a failed write leaves no object.
    /// </summary>
    Task PutAsync(string path, Stream content, CancellationToken cancellationToken);

    /// <summary>Opens the object at <paramref name="path"/> for reading, or returns null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken);

    /// <summary>Lists the paths of the objects under <paramref name="prefix"/>, in ordinal order.</summary>
    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Deletes the object at <paramref name="path"/>; deleting a missing object is not an error.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken);
}
