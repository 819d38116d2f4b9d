namespace Dovetail.Grains.Idempotency;

/// <summary>
/// The stored record of one idempotency key.
/// </summary>
[GenerateSerializer]
[Alias("dovetail.idempotency-key-state")]
public sealed class IdempotencyKeyState
{
    /// <summary>Counts how often the key started a submission; it feeds the derived submission id.</summary>
    [Id(0)] public int Generation { get; set; }

    [Id(1)] public string? SubmissionId { get; set; }

    [Id(2)] public string Fingerprint { get; set; } = "";

    [Id(3)] public DateTimeOffset FirstUsedAt { get; set; }
}
