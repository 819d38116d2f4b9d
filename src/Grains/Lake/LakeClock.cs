namespace Dovetail.Grains.Lake;

/// <summary>
/// The clock that the batching windows read: the silo's clock unless a test replaces it. A separate clock moves the
/// windows without moving the clocks that Orleans' own stream agents and timers read.
/// </summary>
public sealed class LakeClock(TimeProvider time)
{
    public DateTimeOffset GetUtcNow() => time.GetUtcNow();
}
