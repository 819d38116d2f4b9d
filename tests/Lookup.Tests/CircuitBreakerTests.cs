using Dovetail.Grains.Lookup;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Dovetail.Lookup.Tests;

public sealed class CircuitBreakerTests
{
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Closed_circuit_lets_calls_through()
    {
        var breaker = new CircuitBreaker(3, BreakDuration, _time);

        Assert.True(breaker.TryAcquire(out var retryAfter));
        Assert.Equal(TimeSpan.Zero, retryAfter);
        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public void Threshold_of_consecutive_failures_opens_it()
    {
        var breaker = new CircuitBreaker(3, BreakDuration, _time);

        var openedEarly = breaker.RecordFailure() | breaker.RecordFailure();
        var openedAtThreshold = breaker.RecordFailure();

        Assert.False(openedEarly);
        Assert.True(openedAtThreshold);
        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public void Success_resets_the_failure_count()
    {
        var breaker = new CircuitBreaker(3, BreakDuration, _time);

        breaker.RecordFailure();
        breaker.RecordFailure();
        breaker.RecordSuccess();
        var opened = breaker.RecordFailure();

        Assert.False(opened);
        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public void Open_circuit_rejects_with_remaining_break()
    {
        var breaker = OpenBreaker();
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.False(breaker.TryAcquire(out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(20), retryAfter);
    }

    [Fact]
    public void After_break_one_trial_goes_through()
    {
        var breaker = OpenBreaker();
        _time.Advance(BreakDuration);

        var trial = breaker.TryAcquire(out _);
        var second = breaker.TryAcquire(out _);

        Assert.True(trial);
        Assert.False(second);
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
    }

    [Fact]
    public void Successful_trial_closes_it()
    {
        var breaker = OpenBreaker();
        _time.Advance(BreakDuration);
        breaker.TryAcquire(out _);

        var closed = breaker.RecordSuccess();

        Assert.True(closed);
        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.True(breaker.TryAcquire(out _));
    }

    [Fact]
    public void Failed_trial_opens_it_again()
    {
        var breaker = OpenBreaker();
        _time.Advance(BreakDuration);
        breaker.TryAcquire(out _);

        var reopened = breaker.RecordFailure();

        Assert.True(reopened);
        Assert.False(breaker.TryAcquire(out var retryAfter));
        Assert.Equal(BreakDuration, retryAfter);
    }

    [Fact]
    public void Trial_never_reported_is_replaced_after_another_break()
    {
        var breaker = OpenBreaker();
        _time.Advance(BreakDuration);
        breaker.TryAcquire(out _);
        _time.Advance(BreakDuration);

        Assert.True(breaker.TryAcquire(out _));
    }

    private CircuitBreaker OpenBreaker()
    {
        var breaker = new CircuitBreaker(1, BreakDuration, _time);
        breaker.RecordFailure();
        return breaker;
    }
}
