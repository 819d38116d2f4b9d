using System.Diagnostics;

namespace Dovetail.Grains.Telemetry;

/// <summary>
/// The activity source of Dovetail's own spans, such as a lookup worker's handling of one request.
/// </summary>
public static class DovetailActivitySource
{
    public const string Name = "Dovetail";

    public static ActivitySource Instance { get; } = new(Name);

    /// <summary>
    /// Starts an activity whose parent is the W3C <paramref name="traceParent"/> of the request that caused the
    /// work, so work done later in a background loop joins that request's trace. Returns null when nothing
    /// listens to this source.
    /// </summary>
    public static Activity? StartLinkedTo(string name, string? traceParent, ActivityKind kind = ActivityKind.Internal)
    {
        var parent = ActivityContext.TryParse(traceParent, null, out var context) ? context : default;
        return Instance.StartActivity(name, kind, parent);
    }
}
