using System.Collections;
using Xunit;

namespace Dovetail.PostgreSql.Tests.Submissions;

/// <summary>Waits for a condition by polling with a bound, so that no test sleeps for a fixed time.</summary>
internal static class Polling
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Returns the first value that meets <paramref name="done"/>.
    /// </summary>
    /// <exception cref="TimeoutException">No value met the condition within <paramref name="timeout"/>.</exception>
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
                throw new TimeoutException($"The condition was not met within {timeout}. Last value: {Describe(value)}.");
            }

            await Task.Delay(Interval, TestContext.Current.CancellationToken);
        }
    }

    // Lists the items of a collection, because a collection's own ToString names only its type.
    private static string Describe(object? value) => value switch
    {
        null => "null",
        string text => text,
        IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Select(Describe))}]",
        _ => value.ToString() ?? "",
    };
}
