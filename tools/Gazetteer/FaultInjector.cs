using System.Globalization;

namespace Dovetail.Gazetteer;

/// <summary>
/// Holds the faults in force and decides, per request, which of them applies. Safe for concurrent requests.
/// </summary>
internal sealed class FaultInjector
{
    private static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly Queue<DateTimeOffset> _acceptedInWindow = new();
    private GazetteerFaults _faults;
    private int _failFirstRemaining;

    public FaultInjector(GazetteerFaults faults, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _faults = faults;
        _failFirstRemaining = faults.FailFirst;
    }

    /// <summary>Returns the faults in force, with <c>FailFirst</c> showing how many forced failures remain.</summary>
    public GazetteerFaults Current
    {
        get
        {
            lock (_gate)
            {
                return _faults with { FailFirst = _failFirstRemaining };
            }
        }
    }

    /// <summary>Replaces every fault and restarts the rate-limit window and the <c>FailFirst</c> count.</summary>
    public void Replace(GazetteerFaults faults)
    {
        var errors = faults.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(faults));
        }

        lock (_gate)
        {
            _faults = faults;
            _failFirstRemaining = faults.FailFirst;
            _acceptedInWindow.Clear();
        }
    }

    public FaultDecision Decide()
    {
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            var faults = _faults;
            var latency = TimeSpan.FromMilliseconds(faults.LatencyMs);

            // Throttling comes first, as a real gateway rejects before doing any work.
            if (IsOverRateLimit(faults, now))
            {
                return new FaultDecision(
                    StatusCodes.Status429TooManyRequests, FormatRetryAfter(faults, now), latency, null, null);
            }

            if (_failFirstRemaining > 0 || IsRandomFailure(faults))
            {
                _failFirstRemaining = Math.Max(0, _failFirstRemaining - 1);
                var retryAfter = faults.ErrorStatus == StatusCodes.Status503ServiceUnavailable
                    ? FormatRetryAfter(faults, now)
                    : null;
                return new FaultDecision(faults.ErrorStatus, retryAfter, latency, null, null);
            }

            return new FaultDecision(
                StatusCodes.Status200OK, null, latency, faults.TruncateAfterBytes, faults.SyntheticItems);
        }
    }

    private bool IsOverRateLimit(GazetteerFaults faults, DateTimeOffset now)
    {
        if (faults.RateLimitPerSecond is not { } limit)
        {
            return false;
        }

        while (_acceptedInWindow.Count > 0 && now - _acceptedInWindow.Peek() >= RateWindow)
        {
            _acceptedInWindow.Dequeue();
        }

        if (_acceptedInWindow.Count >= limit)
        {
            return true;
        }

        _acceptedInWindow.Enqueue(now);
        return false;
    }

    // Random.Shared suits this demo knob: tests use the deterministic FailFirst instead.
    private static bool IsRandomFailure(GazetteerFaults faults) =>
        faults.ErrorRate > 0 && Random.Shared.NextDouble() < faults.ErrorRate;

    private static string FormatRetryAfter(GazetteerFaults faults, DateTimeOffset now)
    {
        if (!faults.RetryAfterAsHttpDate)
        {
            return faults.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        // An HTTP-date has whole seconds, so round up: a client that waits until then waits at least the delay.
        var retryAt = now.AddSeconds(faults.RetryAfterSeconds);
        var fraction = retryAt.UtcTicks % TimeSpan.TicksPerSecond;
        if (fraction != 0)
        {
            retryAt = retryAt.AddTicks(TimeSpan.TicksPerSecond - fraction);
        }

        return retryAt.ToString("R", CultureInfo.InvariantCulture);
    }
}
