using System.Diagnostics.Metrics;

namespace Dovetail.Grains.Telemetry;

/// <summary>
/// Dovetail's own metrics, all on the <c>Dovetail</c> meter that <see cref="TelemetryServiceCollectionExtensions"/>
/// exports. Callers use the <c>Record…</c> methods and never touch the instruments, so names, units and tags stay
/// in this one place. Durations are in seconds, as OpenTelemetry's semantic conventions ask.
/// </summary>
public static class DovetailMetrics
{
    public const string MeterName = DovetailActivitySource.Name;

    /// <summary>The submission stage whose duration is recorded: create to enrichment outcome stored.</summary>
    public const string EnrichmentStage = "enrichment";

    /// <summary>Create to completed.</summary>
    public const string CompletionStage = "completion";

    /// <summary>Create to failed.</summary>
    public const string FailureStage = "failure";

    /// <summary>Create to expired.</summary>
    public const string ExpiryStage = "expiry";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>(
        "dovetail.submission.stage.duration", "s", "Time from a submission's creation to the end of a stage.");

    private static readonly Histogram<double> ThrottleWait = Meter.CreateHistogram<double>(
        "dovetail.lookup.throttle.wait", "s", "Time a lookup worker waited at the gate for a rate token.");

    private static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "dovetail.lookup.retries", "{retry}", "Lookup attempts scheduled again after a failed attempt.");

    private static readonly Counter<long> Calls = Meter.CreateCounter<long>(
        "dovetail.lookup.calls", "{call}", "Calls made to the gazetteer API, by outcome.");

    private static readonly UpDownCounter<long> QueueLength = Meter.CreateUpDownCounter<long>(
        "dovetail.lookup.queue.length", "{request}", "Lookup requests queued or running in the workers of this process.");

    private static readonly Histogram<long> BatchRecords = Meter.CreateHistogram<long>(
        "dovetail.lake.batch.records", "{record}", "Records in one object written to the lake.");

    private static readonly Histogram<long> BatchBytes = Meter.CreateHistogram<long>(
        "dovetail.lake.batch.bytes", "By", "Size of one object written to the lake.");

    private static readonly Histogram<double> FlushDuration = Meter.CreateHistogram<double>(
        "dovetail.lake.flush.duration", "s", "Time to write and publish one lake object.");

    private static readonly Counter<long> StreamEvents = Meter.CreateCounter<long>(
        "dovetail.stream.events", "{event}", "Change events received from the change stream.");

    private static readonly Histogram<double> LakeQueryDuration = Meter.CreateHistogram<double>(
        "dovetail.lake.query.duration", "s", "Time to run the query step on one lake object.");

    private static readonly Histogram<double> WarehouseLoadDuration = Meter.CreateHistogram<double>(
        "dovetail.warehouse.load.duration", "s", "Time to load one day into the warehouse.");

    // The gate grain has one activation in the cluster, so at most one process reports the circuit. Until a gate
    // has run here the gauge reports nothing, which keeps other processes from showing a closed circuit they
    // know nothing about. The value is -1 while unset.
    // NOTE: a process whose gate activation was deactivated or moved keeps reporting the last state it saw.
    private static int circuitState = -1;

    static DovetailMetrics()
    {
        Meter.CreateObservableGauge(
            "dovetail.lookup.circuit.state",
            ObserveCircuitState,
            "{state}",
            "State of the gazetteer circuit breaker as of the gate's last call: 0 closed, 1 half-open, 2 open.");
    }

    /// <summary>Records the time from a submission's creation to the end of <paramref name="stage"/>.</summary>
    /// <param name="stage">One of <see cref="EnrichmentStage"/>, <see cref="CompletionStage"/>,
    /// <see cref="FailureStage"/> or <see cref="ExpiryStage"/>.</param>
    public static void RecordStage(string stage, TimeSpan sinceCreated) =>
        StageDuration.Record(Seconds(sinceCreated), new KeyValuePair<string, object?>("stage", stage));

    /// <summary>Records how long a worker waited for a rate token before one call, zero included.</summary>
    public static void RecordThrottleWait(TimeSpan wait) => ThrottleWait.Record(Seconds(wait));

    /// <summary>Counts one retry scheduled after a failure with <paramref name="reason"/>.</summary>
    public static void RecordRetry(string reason) =>
        Retries.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>
    /// Counts one gazetteer call that ended with <paramref name="outcome"/>: <c>matched</c>, <c>no_match</c> or a
    /// failure reason code such as <c>upstream_throttled</c>.
    /// </summary>
    public static void RecordLookupCall(string outcome) =>
        Calls.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Adds <paramref name="delta"/> (negative to remove) to the number of queued lookup requests.</summary>
    public static void ChangeLookupQueueLength(int delta) => QueueLength.Add(delta);

    /// <summary>Publishes the circuit state that the gate just saw: 0 closed, 1 half-open, 2 open.</summary>
    public static void RecordCircuitState(int state)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(state);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(state, 2);
        Volatile.Write(ref circuitState, state);
    }

    /// <summary>Records one lake object: how long writing and publishing took, its records and its bytes.</summary>
    public static void RecordFlush(TimeSpan duration, int records, long bytes)
    {
        FlushDuration.Record(Seconds(duration));
        BatchRecords.Record(records);
        BatchBytes.Record(bytes);
    }

    /// <summary>Counts change events taken from the stream, tagged with the partition when one is given.</summary>
    public static void RecordStreamEvents(int count, int? partition = null)
    {
        if (partition is { } value)
        {
            StreamEvents.Add(count, new KeyValuePair<string, object?>("partition", value));
        }
        else
        {
            StreamEvents.Add(count);
        }
    }

    /// <summary>Records the time the query step took on one lake object.</summary>
    public static void RecordLakeQuery(TimeSpan duration) => LakeQueryDuration.Record(Seconds(duration));

    /// <summary>Records the time one daily warehouse load took.</summary>
    public static void RecordWarehouseLoad(TimeSpan duration) => WarehouseLoadDuration.Record(Seconds(duration));

    private static IEnumerable<Measurement<int>> ObserveCircuitState()
    {
        var state = Volatile.Read(ref circuitState);
        return state < 0 ? [] : [new Measurement<int>(state)];
    }

    private static double Seconds(TimeSpan duration) => duration.TotalSeconds;
}
