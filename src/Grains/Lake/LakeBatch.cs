using Dovetail.Grains.Abstractions.Changes;

namespace Dovetail.Grains.Lake;

/// <summary>
/// The events of one object, in the order they were received, with the coordinates that name it.
/// </summary>
public sealed record LakeBatch(long Partition, DateTimeOffset WindowStart, int Sequence, IReadOnlyList<SubmissionChanged> Changes)
{
    public string ObjectPath => LakeObjectName.ObjectPath(Partition, WindowStart, Sequence);
}
