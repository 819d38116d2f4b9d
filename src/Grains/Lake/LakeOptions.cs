using System.ComponentModel.DataAnnotations;

namespace Dovetail.Grains.Lake;

/// <summary>
/// Settings of the change batching and the lake, bound from the <c>Lake</c> configuration section.
/// </summary>
public sealed class LakeOptions
{
    public const string SectionName = "Lake";

    /// <summary>The folder that contains the lake; relative paths are resolved against the working directory.</summary>
    [Required]
    public string Root { get; set; } = "lake";

    /// <summary>
    /// A batch is published once its buffered events reach this many bytes, counted as their uncompressed size.
    /// </summary>
    [Range(1024, long.MaxValue)]
    public long MaxObjectBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>
    /// The length of the fixed time windows. A window starts at a whole multiple of this length since the Unix
    /// epoch, so late flushes do not shift later windows.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// How long the change stream keeps retrying an event that the batching grain cannot buffer. The stream then
    /// skips the event, so this bounds the buffer outage that loses nothing. Orleans' own default is one minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan MaxDeliveryTime { get; set; } = TimeSpan.FromDays(1);
}
