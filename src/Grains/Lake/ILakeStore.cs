using Dovetail.Grains.Abstractions.Changes;

namespace Dovetail.Grains.Lake;

/// <summary>
/// Where lake objects are published. Publishing is atomic: a reader sees either no object or the whole object,
/// and publishing the same path again replaces the object.
/// </summary>
public interface ILakeStore
{
    Task<LakeManifest> PublishAsync(LakeBatch batch, CancellationToken cancellationToken);
}

/// <summary>
/// The events of one object, in the order they were received, with the coordinates that name it.
/// </summary>
public sealed record LakeBatch(long Partition, DateTimeOffset WindowStart, int Sequence, IReadOnlyList<SubmissionChanged> Changes)
{
    public string ObjectPath => LakeObjectName.ObjectPath(Partition, WindowStart, Sequence);
}
