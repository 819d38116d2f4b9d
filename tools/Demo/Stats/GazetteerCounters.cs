namespace Dovetail.Demo.Stats;

/// <summary>
/// The stand-in's call counters from <c>GET /admin/stats</c>: every request, those served, those rejected with 429,
/// and those failed on purpose by the fault settings.
/// </summary>
internal sealed record GazetteerCounters(long Requests, long Served, long Throttled, long Failed)
{
    /// <summary>Returns the calls made between two readings of the counters.</summary>
    public GazetteerCounters Since(GazetteerCounters before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return new GazetteerCounters(
            Requests - before.Requests, Served - before.Served, Throttled - before.Throttled, Failed - before.Failed);
    }
}
