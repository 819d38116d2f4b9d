namespace Dovetail.Grains.Lookup;

/// <summary>
/// The state of a <see cref="CircuitBreaker"/>.
/// </summary>
public enum CircuitState
{
    /// <summary>Calls go through; consecutive failures are counted.</summary>
    Closed = 0,

    /// <summary>Calls are rejected until the break duration has passed.</summary>
    Open = 1,

    /// <summary>The break has passed; one trial call decides whether the circuit closes or opens again.</summary>
    HalfOpen = 2,
}
