namespace Dovetail.Grains.Tests;

/// <summary>
/// A clock fixed at one instant whose timers fire at once and record the delay they were created with, so retry
/// backoff can be checked without waiting for it.
/// </summary>
internal sealed class LakeQueryTestClock(DateTimeOffset now) : TimeProvider
{
    private readonly List<TimeSpan> _delays = [];

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_delays)
            {
                return _delays.ToArray();
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_delays)
        {
            _delays.Add(dueTime);
        }

        return System.CreateTimer(callback, state, TimeSpan.Zero, period);
    }
}
