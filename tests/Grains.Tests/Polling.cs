namespace Dovetail.Grains.Tests;

/// <summary>
/// Waits for a condition by polling with a bound, so that no test sleeps for a fixed time.
/// </summary>
internal static class Polling
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The condition was not met within {timeout}; last value: {value}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
        }
    }
}
