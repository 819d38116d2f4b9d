namespace Dovetail.Grains.Lake;

/// <summary>
/// The manifest written beside each lake object. It is written after the object, so a reader that finds a
/// manifest finds the whole object.
/// </summary>
/// <param name="Bytes">Size of the compressed object in bytes.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the compressed object.</param>
public sealed record LakeManifest(
    string ObjectPath,
    long Partition,
    DateTimeOffset WindowStart,
    int Sequence,
    int Records,
    long Bytes,
    string Sha256,
    string FirstEventId,
    string LastEventId,
    DateTimeOffset FirstOccurredAt,
    DateTimeOffset LastOccurredAt,
    DateTimeOffset PublishedAt);
