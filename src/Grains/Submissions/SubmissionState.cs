using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Lookup;
using Dovetail.Grains.Abstractions.Submissions;

namespace Dovetail.Grains.Submissions;

/// <summary>
/// The stored state of one submission. Fields are found by <c>[Id]</c> and the type by its alias, so renaming
/// the CLR type or a property does not break stored data.
/// </summary>
[GenerateSerializer]
[Alias("dovetail.submission-state")]
public sealed class SubmissionState
{
    /// <summary>The owner; null until the first request is stored.</summary>
    [Id(0)] public string? ClientId { get; set; }

    [Id(1)] public SubmissionStatus Status { get; set; }

    [Id(2)] public int Version { get; set; }

    [Id(3)] public string CorrelationId { get; set; } = "";

    [Id(4)] public string? TraceParent { get; set; }

    [Id(5)] public string PayloadJson { get; set; } = "";

    [Id(6)] public string PayloadFingerprint { get; set; } = "";

    [Id(7)] public PlaceQuery? Query { get; set; }

    [Id(8)] public string? IdempotencyKey { get; set; }

    [Id(9)] public DateTimeOffset CreatedAt { get; set; }

    [Id(10)] public DateTimeOffset UpdatedAt { get; set; }

    [Id(11)] public DateTimeOffset Deadline { get; set; }

    [Id(12)] public EnrichmentOutcome? Enrichment { get; set; }

    [Id(13)] public string? AdditionalDataJson { get; set; }

    [Id(14)] public string? AdditionalDataFingerprint { get; set; }

    [Id(15)] public DateTimeOffset? AdditionalDataAt { get; set; }

    /// <summary>How many times enrichment was dispatched to a worker, re-drives included.</summary>
    [Id(16)] public int Dispatches { get; set; }

    [Id(17)] public string? FailureReason { get; set; }

    [Id(18)] public List<SubmissionTransition> Timeline { get; set; } = [];

    /// <summary>
    /// Change events committed with the state but not yet confirmed as published. They are written in the same
    /// state write as the change itself, so a crash between the write and the publish cannot lose them.
    /// </summary>
    [Id(19)] public List<SubmissionChanged> Outbox { get; set; } = [];

    public bool Exists => ClientId is not null;

    /// <summary>True while a lookup outcome is still expected.</summary>
    public bool EnrichmentPending => Exists && Enrichment is null && !Status.IsFinal();
}
