namespace Dovetail.Grains.Lookup;

/// <summary>
/// Stops calls to a failing upstream for a while after a number of consecutive failures, then lets one trial call
/// through to find out whether it recovered. Safe for concurrent callers.
/// </summary>
public sealed class CircuitBreaker
{
    private readonly Lock _gate = new();
    private readonly int _failureThreshold;
    private readonly TimeSpan _breakDuration;
    private readonly TimeProvider _timeProvider;
    private CircuitState _state = CircuitState.Closed;
    private int _consecutiveFailures;
    private DateTimeOffset _openUntil;
    private DateTimeOffset? _trialStartedAt;

    public CircuitBreaker(int failureThreshold, TimeSpan breakDuration, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failureThreshold, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(breakDuration, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);

        _failureThreshold = failureThreshold;
        _breakDuration = breakDuration;
        _timeProvider = timeProvider;
    }

    /// <summary>Creates a breaker with <see cref="LookupOptions.CircuitFailureThreshold"/> and its break duration.</summary>
    public static CircuitBreaker FromOptions(LookupOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new CircuitBreaker(options.CircuitFailureThreshold, options.CircuitBreakDuration, timeProvider);
    }

    /// <summary>The state now; an open circuit whose break has passed reports <see cref="CircuitState.HalfOpen"/>.</summary>
    public CircuitState State
    {
        get
        {
            lock (_gate)
            {
                return _state == CircuitState.Open && _timeProvider.GetUtcNow() >= _openUntil
                    ? CircuitState.HalfOpen
                    : _state;
            }
        }
    }

    /// <summary>
    /// Returns true when a call may go through now. After the break it lets exactly one trial call through until
    /// that call is reported. A trial that is never reported is given up after one more break duration.
    /// </summary>
    /// <param name="retryAfter">When false is returned, how long until a call may be let through.</param>
    public bool TryAcquire(out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            retryAfter = TimeSpan.Zero;
            if (_state == CircuitState.Closed)
            {
                return true;
            }

            if (_state == CircuitState.Open && now < _openUntil)
            {
                retryAfter = _openUntil - now;
                return false;
            }

            if (_trialStartedAt is { } trialStart && now - trialStart < _breakDuration)
            {
                retryAfter = trialStart + _breakDuration - now;
                return false;
            }

            _state = CircuitState.HalfOpen;
            _trialStartedAt = now;
            return true;
        }
    }

    /// <summary>Records a call that succeeded. Returns true when this closed a half-open circuit.</summary>
    public bool RecordSuccess()
    {
        lock (_gate)
        {
            var wasHalfOpen = _state == CircuitState.HalfOpen;
            _state = CircuitState.Closed;
            _consecutiveFailures = 0;
            _trialStartedAt = null;
            return wasHalfOpen;
        }
    }

    /// <summary>
    /// Records a call that failed because the upstream is unhealthy (a retryable failure). Returns true when this
    /// opened the circuit.
    /// </summary>
    public bool RecordFailure()
    {
        lock (_gate)
        {
            _consecutiveFailures++;
            var shouldOpen = _state == CircuitState.HalfOpen
                || (_state == CircuitState.Closed && _consecutiveFailures >= _failureThreshold);
            if (!shouldOpen)
            {
                return false;
            }

            _state = CircuitState.Open;
            _openUntil = _timeProvider.GetUtcNow() + _breakDuration;
            _trialStartedAt = null;
            return true;
        }
    }

    /// <summary>Consecutive failures recorded since the last success.</summary>
    public int ConsecutiveFailures
    {
        get
        {
            lock (_gate)
            {
                return _consecutiveFailures;
            }
        }
    }
}
