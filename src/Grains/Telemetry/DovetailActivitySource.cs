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

    /// <summary>
    /// Starts a child of the current activity that links to the W3C <paramref name="traceParent"/> of earlier work
    /// when that work belongs to another trace, so a trace viewer can move from a later request to the one that
    /// started the work. No link is added when there is no valid <paramref name="traceParent"/> or it is in the
    /// current trace already. Returns null when nothing listens to this source.
    /// </summary>
    public static Activity? StartWithLinkTo(string name, string? traceParent, ActivityKind kind = ActivityKind.Internal)
    {
        if (!ActivityContext.TryParse(traceParent, null, out var earlier)
            || Activity.Current?.TraceId == earlier.TraceId)
        {
            return Instance.StartActivity(name, kind);
        }

        return Instance.StartActivity(name, kind, parentContext: default, links: [new ActivityLink(earlier)]);
    }

    /// <summary>
    /// Starts an activity that links to the traces of the W3C <paramref name="traceParents"/>, such as a batch flush
    /// that publishes the changes of many submissions, so each submission's trace leads to the work done for it.
    /// Invalid or repeated values are skipped, and at most <paramref name="maxLinks"/> links are added.
    /// </summary>
    public static Activity? StartWithLinksTo(string name, IEnumerable<string?> traceParents, int maxLinks = 128)
    {
        ArgumentNullException.ThrowIfNull(traceParents);
        if (!Instance.HasListeners())
        {
            return null;
        }

        var links = new List<ActivityLink>();
        var seen = new HashSet<ActivityTraceId>();
        foreach (var traceParent in traceParents)
        {
            if (links.Count == maxLinks)
            {
                break;
            }

            if (ActivityContext.TryParse(traceParent, null, out var context) && seen.Add(context.TraceId))
            {
                links.Add(new ActivityLink(context));
            }
        }

        return Instance.StartActivity(name, ActivityKind.Internal, parentContext: default, links: links);
    }
}
