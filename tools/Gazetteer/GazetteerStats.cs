namespace Dovetail.Gazetteer;

/// <summary>
/// Counts of <c>/cities</c> requests since start-up or the last <c>DELETE /admin/requests</c>.
/// </summary>
/// <param name="Served">Requests answered with 200.</param>
/// <param name="Throttled">Requests answered with 429 by the rate limit.</param>
/// <param name="Failed">Requests answered with an injected or validation error status.</param>
public sealed record GazetteerStats(long Requests, long Served, long Throttled, long Failed);
