namespace Dovetail.Grains.Abstractions.Lookup;

/// <summary>
/// The one gate in front of the external API (key 0): a cluster-wide rate limit and circuit breaker shared by
/// every lookup worker.
/// </summary>
public interface IUpstreamGateGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Takes a permit for one external call, or returns how long to wait before asking again.
    /// </summary>
    Task<GatePermit> AcquireAsync();

    /// <summary>Records how a call ended, which opens or closes the circuit.</summary>
    Task ReportAsync(bool succeeded);
}
