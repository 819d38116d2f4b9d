namespace Dovetail.Benchmarks.Reading;

/// <summary>
/// The figures of one load run against one endpoint.
/// </summary>
/// <param name="Generator">The load generator used, for example <c>wrk debian/4.1.0-3+b2</c>.</param>
/// <param name="Requests">Completed requests.</param>
/// <param name="Errors">Responses that were not 2xx or 3xx, plus connect, read, write and timeout errors.</param>
internal sealed record LoadResult(
    string Generator,
    double RequestsPerSecond,
    TimeSpan P50,
    TimeSpan P99,
    long Requests,
    long Errors);
