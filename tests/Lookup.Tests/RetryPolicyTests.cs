using Dovetail.Grains.Lookup;
using Xunit;

namespace Dovetail.Lookup.Tests;

public sealed class RetryPolicyTests
{
    private static readonly LookupOptions Options = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(500),
        MaxDelay = TimeSpan.FromSeconds(30),
        MaxRetryAfter = TimeSpan.FromMinutes(2),
        MaxAttempts = 3,
    };

    [Theory]
    [InlineData(2, 250)]
    [InlineData(3, 500)]
    [InlineData(4, 1_000)]
    [InlineData(8, 15_000)]
    [InlineData(1_000, 15_000)]
    public void GetDelay_HalfJitter_IsHalfTheCappedExponentialBound(int attempt, int expectedMilliseconds)
    {
        var policy = new RetryPolicy(Options, new FixedRandom(0.5));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), policy.GetDelay(attempt));
    }

    [Fact]
    public void GetDelay_ZeroJitter_IsZero()
    {
        var policy = new RetryPolicy(Options, new FixedRandom(0));

        Assert.Equal(TimeSpan.Zero, policy.GetDelay(5));
    }

    [Fact]
    public void GetDelay_RetryAfterAboveBackoff_WaitsRetryAfter()
    {
        var policy = new RetryPolicy(Options, new FixedRandom(0.5));

        Assert.Equal(TimeSpan.FromSeconds(7), policy.GetDelay(2, TimeSpan.FromSeconds(7)));
    }

    [Fact]
    public void GetDelay_RetryAfterBelowBackoff_KeepsBackoff()
    {
        var policy = new RetryPolicy(Options, new FixedRandom(0.5));

        Assert.Equal(TimeSpan.FromSeconds(15), policy.GetDelay(10, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void GetDelay_HugeRetryAfter_IsCapped()
    {
        var policy = new RetryPolicy(Options, new FixedRandom(0.5));

        Assert.Equal(TimeSpan.FromMinutes(2), policy.GetDelay(2, TimeSpan.FromHours(6)));
    }

    [Fact]
    public void GetDelay_FirstAttempt_Throws()
    {
        var policy = new RetryPolicy(Options, new FixedRandom(0.5));

        Assert.Throws<ArgumentOutOfRangeException>(() => policy.GetDelay(1));
    }

    [Fact]
    public void GetDelay_SeededRandom_StaysWithinBound()
    {
        var policy = new RetryPolicy(Options, new Random(1234));

        for (var attempt = 2; attempt < 40; attempt++)
        {
            Assert.InRange(policy.GetDelay(attempt), TimeSpan.Zero, Options.MaxDelay);
        }
    }

    [Fact]
    public void ShouldRetry_RetryableBeforeLastAttempt_IsTrue()
    {
        var policy = new RetryPolicy(Options, new FixedRandom(0.5));

        Assert.True(policy.ShouldRetry(LookupAttemptResult.Retryable(LookupFailureReasons.Timeout), attempt: 2));
    }

    [Fact]
    public void ShouldRetry_LastAttempt_IsFalse()
    {
        var policy = new RetryPolicy(Options, new FixedRandom(0.5));

        Assert.False(policy.ShouldRetry(LookupAttemptResult.Retryable(LookupFailureReasons.Timeout), attempt: 3));
    }

    [Fact]
    public void ShouldRetry_PermanentFailure_IsFalse()
    {
        var policy = new RetryPolicy(Options, new FixedRandom(0.5));

        Assert.False(policy.ShouldRetry(LookupAttemptResult.Permanent(LookupFailureReasons.Rejected, 404), attempt: 1));
    }

    /// <summary>A <see cref="Random"/> whose every draw is the same value.</summary>
    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }
}
