using System.Collections.Concurrent;
using Dovetail.Grains.Abstractions.Changes;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Dovetail.PostgreSql.Tests.Changes;

/// <summary>
/// A test consumer of the change stream: one activation per partition, subscribed implicitly like a real
/// consumer, recording every event it receives (duplicates included) in process memory for the tests to read.
/// </summary>
public interface IChangeRecorderGrain : IGrainWithIntegerKey
{
    Task PingAsync();
}

[ImplicitStreamSubscription(ChangeStreams.Namespace)]
public sealed class ChangeRecorderGrain : Grain, IChangeRecorderGrain, IStreamSubscriptionObserver
{
    /// <summary>Every event delivered to any partition, in delivery order per partition.</summary>
    public static ConcurrentQueue<SubmissionChanged> Received { get; } = new();

    public Task PingAsync() => Task.CompletedTask;

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        var handle = handleFactory.Create<SubmissionChanged>();
        await handle.ResumeAsync((change, _) =>
        {
            Received.Enqueue(change);
            return Task.CompletedTask;
        });
    }
}
