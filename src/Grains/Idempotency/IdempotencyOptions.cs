using System.ComponentModel.DataAnnotations;

namespace Dovetail.Grains.Idempotency;

/// <summary>
/// Settings of idempotency keys, bound from the <c>Idempotency</c> configuration section.
/// </summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>
    /// How long a key is honoured after its first use. Within it a retry returns the original submission; after
    /// it the same key starts a new submission.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan KeyRetention { get; set; } = TimeSpan.FromHours(24);
}
