using System.ComponentModel.DataAnnotations;

namespace Dovetail.Grains.Lake.Queries;

/// <summary>
/// Settings of the query step that runs on every new lake object, bound from the <c>Lake:Query</c> section.
/// </summary>
public sealed class LakeQueryOptions
{
    public const string SectionName = "Lake:Query";

    /// <summary>How many times the query runs for one object before the object goes to the dead-letter location.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// The wait after the first failed attempt. Each later wait doubles it, so the defaults wait 1 s and then 2 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
