namespace Dovetail.Grains.Lookup;

/// <summary>
/// A token bucket rate limiter: tokens refill continuously at a fixed rate up to a capacity, and each call takes
/// one. The bucket starts full, so up to the capacity may go at once. Safe for concurrent callers.
/// </summary>
public sealed class TokenBucket
{
    private readonly Lock _gate = new();
    private readonly double _tokensPerSecond;
    private readonly double _capacity;
    private readonly TimeProvider _timeProvider;
    private double _tokens;
    private long _refilledAt;

    public TokenBucket(double tokensPerSecond, int capacity, TimeProvider timeProvider)
    {
        if (!(tokensPerSecond > 0) || double.IsInfinity(tokensPerSecond))
        {
            throw new ArgumentOutOfRangeException(
                nameof(tokensPerSecond), tokensPerSecond, "The refill rate must be a positive number.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentNullException.ThrowIfNull(timeProvider);

        _tokensPerSecond = tokensPerSecond;
        _capacity = capacity;
        _timeProvider = timeProvider;
        _tokens = capacity;
        _refilledAt = timeProvider.GetTimestamp();
    }

    /// <summary>
    /// Creates the bucket for <see cref="LookupOptions.RequestsPerSecond"/>, with a capacity of one second's worth
    /// of calls (at least one).
    /// </summary>
    public static TokenBucket FromOptions(LookupOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var capacity = (int)Math.Max(1, Math.Ceiling(options.RequestsPerSecond));
        return new TokenBucket(options.RequestsPerSecond, capacity, timeProvider);
    }

    /// <summary>Takes one token when there is one.</summary>
    /// <param name="wait">Zero on success, otherwise how long until the next token is there.</param>
    public bool TryTake(out TimeSpan wait)
    {
        lock (_gate)
        {
            var now = _timeProvider.GetTimestamp();
            var elapsed = _timeProvider.GetElapsedTime(_refilledAt, now);
            _tokens = Math.Min(_capacity, _tokens + (elapsed.TotalSeconds * _tokensPerSecond));
            _refilledAt = now;

            if (_tokens >= 1)
            {
                _tokens -= 1;
                wait = TimeSpan.Zero;
                return true;
            }

            // Round up to whole ticks, so a caller that waits exactly this long finds a token.
            wait = TimeSpan.FromTicks((long)Math.Ceiling((1 - _tokens) / _tokensPerSecond * TimeSpan.TicksPerSecond));
            return false;
        }
    }
}
