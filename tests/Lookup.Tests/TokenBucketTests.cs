using Dovetail.Grains.Lookup;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Dovetail.Lookup.Tests;

public sealed class TokenBucketTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Full_bucket_allows_a_burst_of_its_capacity()
    {
        var bucket = new TokenBucket(5, 5, _time);

        var taken = TakeUpTo(bucket, 5);

        Assert.Equal(5, taken);
    }

    [Fact]
    public void Empty_bucket_says_when_the_next_token_comes()
    {
        var bucket = new TokenBucket(5, 5, _time);
        Drain(bucket);

        Assert.False(bucket.TryTake(out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(200), wait);
    }

    [Fact]
    public void Waiting_the_given_time_yields_a_token()
    {
        var bucket = new TokenBucket(5, 5, _time);
        Drain(bucket);
        bucket.TryTake(out var wait);

        _time.Advance(wait);

        Assert.True(bucket.TryTake(out var none));
        Assert.Equal(TimeSpan.Zero, none);
        Assert.False(bucket.TryTake(out _));
    }

    [Fact]
    public void Refill_stops_at_capacity()
    {
        var bucket = new TokenBucket(5, 2, _time);
        Drain(bucket);

        _time.Advance(TimeSpan.FromMinutes(1));
        var taken = TakeUpTo(bucket, 10);

        Assert.Equal(2, taken);
    }

    [Fact]
    public void Rate_below_one_per_second_waits_seconds()
    {
        var bucket = new TokenBucket(0.5, 1, _time);
        Drain(bucket);

        bucket.TryTake(out var wait);

        Assert.Equal(TimeSpan.FromSeconds(2), wait);
    }

    [Fact]
    public void FromOptions_capacity_is_one_second_of_calls()
    {
        var bucket = TokenBucket.FromOptions(new LookupOptions { RequestsPerSecond = 3 }, _time);

        var taken = TakeUpTo(bucket, 10);

        Assert.Equal(3, taken);
    }

    private static int TakeUpTo(TokenBucket bucket, int calls)
    {
        var taken = 0;
        for (var call = 0; call < calls; call++)
        {
            if (bucket.TryTake(out _))
            {
                taken++;
            }
        }

        return taken;
    }

    private static void Drain(TokenBucket bucket)
    {
        while (bucket.TryTake(out _))
        {
        }
    }
}
