using System.Net.Http.Headers;

namespace Dovetail.Grains.Lookup;

/// <summary>
/// Reads the <c>Retry-After</c> header in both of its forms (RFC 9110, section 10.2.3).
/// </summary>
public static class RetryAfterHeader
{
    /// <summary>
    /// Returns the delay a <c>Retry-After</c> value asks for: the delta-seconds as they are, or an HTTP-date minus
    /// <paramref name="now"/>, never negative. Returns null when the header is absent.
    /// </summary>
    public static TimeSpan? GetDelay(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var delay = date - now;
            return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        }

        return null;
    }
}
