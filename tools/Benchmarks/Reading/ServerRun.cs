namespace Dovetail.Benchmarks.Reading;

/// <summary>
/// One load run and the processor time the server used during it.
/// </summary>
/// <remarks>
/// The request rate depends on how much of the two cores the load generator and other processes leave to the
/// server, so it moves with the machine's load. The server's processor time per request is the steadier figure for
/// comparing two servers, because it counts only the work each request cost.
/// </remarks>
internal sealed record ServerRun(LoadResult Load, TimeSpan ServerProcessorTime)
{
    /// <summary>The server's processor time per completed request in microseconds, or 0 when no request completed.</summary>
    public double MicrosecondsPerRequest =>
        Load.Requests > 0 ? ServerProcessorTime.TotalMicroseconds / Load.Requests : 0;
}
