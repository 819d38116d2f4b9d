using System.ComponentModel.DataAnnotations;

namespace Dovetail.Grains.Changes;

/// <summary>
/// Settings of the change stream, bound from the <c>Changes</c> configuration section.
/// </summary>
public sealed class ChangeOptions
{
    public const string SectionName = "Changes";

    /// <summary>
    /// The number of partition streams. Each submission's changes go to one partition, so they stay in order. A
    /// change of this number after events were published moves submissions to other partitions.
    /// </summary>
    [Range(1, 4096)]
    public int Partitions { get; set; } = 8;
}
