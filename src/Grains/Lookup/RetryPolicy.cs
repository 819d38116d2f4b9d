namespace Dovetail.Grains.Lookup;

/// <summary>
/// Decides whether and when to call again after a failed attempt: exponential backoff with full jitter, and at
/// least the server's <c>Retry-After</c> when it sent one.
/// </summary>
/// <remarks>
/// Full jitter draws the delay uniformly from zero to the exponential bound, which spreads the retries of many
/// workers that failed together. The policy is not thread-safe unless its <see cref="Random"/> is, as
/// <see cref="Random.Shared"/> is.
/// </remarks>
public sealed class RetryPolicy
{
    // 2^30 times any sane base delay is far above any sane cap, and the exponent stays within a double's range.
    private const int MaxExponent = 30;

    private readonly LookupOptions _options;
    private readonly Random _random;

    public RetryPolicy(LookupOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);

        _options = options;
        _random = random;
    }

    /// <summary>Calls allowed for one lookup, the first one included.</summary>
    public int MaxAttempts => _options.MaxAttempts;

    /// <summary>Returns true when <paramref name="result"/> is retryable and attempts remain after this one.</summary>
    /// <param name="attempt">The number of the attempt that produced the result, starting at 1.</param>
    public bool ShouldRetry(LookupAttemptResult result, int attempt)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.IsRetryable && attempt < _options.MaxAttempts;
    }

    /// <summary>
    /// Returns the delay before attempt <paramref name="attempt"/>: a random value up to
    /// <c>min(MaxDelay, BaseDelay * 2^(attempt - 2))</c>, raised to <paramref name="retryAfter"/> capped at
    /// <see cref="LookupOptions.MaxRetryAfter"/>.
    /// </summary>
    /// <param name="attempt">The attempt about to be made, 2 or more.</param>
    /// <param name="retryAfter">The delay the server asked for, if any.</param>
    public TimeSpan GetDelay(int attempt, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 2);

        var exponent = Math.Min(attempt - 2, MaxExponent);
        var boundTicks = Math.Min(_options.MaxDelay.Ticks, _options.BaseDelay.Ticks * Math.Pow(2, exponent));
        var delay = TimeSpan.FromTicks((long)(boundTicks * _random.NextDouble()));

        if (retryAfter is { } requested && requested > TimeSpan.Zero)
        {
            var honoured = requested < _options.MaxRetryAfter ? requested : _options.MaxRetryAfter;
            if (honoured > delay)
            {
                delay = honoured;
            }
        }

        return delay;
    }
}
