namespace Dovetail.Grains.Abstractions.Lookup;

/// <summary>
/// The result of <see cref="IUpstreamGateGrain.AcquireAsync"/>.
/// </summary>
/// <param name="Granted">True when the caller may make its call now.</param>
/// <param name="RetryAfter">When not granted, how long to wait before asking again.</param>
/// <param name="CircuitOpen">True when the permit was refused because the circuit is open, not for the rate.</param>
[GenerateSerializer, Immutable]
[Alias("dovetail.gate-permit")]
public sealed record GatePermit(
    [property: Id(0)] bool Granted,
    [property: Id(1)] TimeSpan RetryAfter,
    [property: Id(2)] bool CircuitOpen);
