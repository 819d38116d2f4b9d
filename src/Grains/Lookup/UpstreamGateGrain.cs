using Dovetail.Grains.Abstractions.Lookup;
using Dovetail.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dovetail.Grains.Lookup;

/// <summary>
/// The single gate (key 0) that every lookup worker passes before an external call. One activation in the
/// cluster owns the token bucket and the circuit breaker, so the rate limit and the circuit are cluster-wide.
/// </summary>
/// <remarks>
/// The gate keeps its counters in memory: after its silo fails, a new activation starts with a full bucket and a
/// closed circuit, which at worst lets one extra burst through.
/// </remarks>
public sealed class UpstreamGateGrain : Grain, IUpstreamGateGrain
{
    private readonly TokenBucket _bucket;
    private readonly CircuitBreaker _circuit;
    private readonly TimeSpan _breakDuration;
    private readonly ILogger<UpstreamGateGrain> _logger;

    public UpstreamGateGrain(IOptions<LookupOptions> options, TimeProvider time, ILogger<UpstreamGateGrain> logger)
    {
        _bucket = TokenBucket.FromOptions(options.Value, time);
        _circuit = CircuitBreaker.FromOptions(options.Value, time);
        _breakDuration = options.Value.CircuitBreakDuration;
        _logger = logger;
    }

    public Task<GatePermit> AcquireAsync()
    {
        // The circuit is asked first, so an open circuit does not use up rate tokens.
        var circuitAllows = _circuit.TryAcquire(out var circuitWait);
        PublishCircuitState();
        if (!circuitAllows)
        {
            return Task.FromResult(new GatePermit(false, circuitWait, CircuitOpen: true));
        }

        if (!_bucket.TryTake(out var rateWait))
        {
            return Task.FromResult(new GatePermit(false, rateWait, CircuitOpen: false));
        }

        return Task.FromResult(new GatePermit(true, TimeSpan.Zero, CircuitOpen: false));
    }

    public Task ReportAsync(bool succeeded)
    {
        if (succeeded)
        {
            if (_circuit.RecordSuccess())
            {
                _logger.CircuitClosed();
            }
        }
        else if (_circuit.RecordFailure())
        {
            _logger.CircuitOpened(_circuit.ConsecutiveFailures, _breakDuration.TotalMilliseconds);
        }

        PublishCircuitState();
        return Task.CompletedTask;
    }

    // The metric numbers the states in the order a failing upstream goes through them, which differs from the
    // enum's values.
    private void PublishCircuitState() => DovetailMetrics.RecordCircuitState(_circuit.State switch
    {
        CircuitState.Closed => 0,
        CircuitState.HalfOpen => 1,
        _ => 2,
    });
}
