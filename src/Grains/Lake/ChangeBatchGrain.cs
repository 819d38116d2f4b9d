using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Dovetail.Grains.Lake;

/// <summary>
/// Collects the change events of one partition and publishes them to the lake when the buffer reaches
/// <see cref="LakeOptions.MaxObjectBytes"/> or the fixed window ends, whichever comes first. The buffer is grain
/// state, written before an event is acknowledged, so a crashed silo loses nothing the stream delivered. The
/// stream delivers at least once; events already buffered or published are dropped by event id and version.
/// </summary>
/// <remarks>
/// NOTE: every event rewrites the whole buffered state, so the cost of a batch grows with the square of its size.
/// That suits windows of kilobytes to a few megabytes, not the 128 MiB default. An append-only buffer table is the
/// fix for large batches.
/// </remarks>
[ImplicitStreamSubscription(ChangeStreams.Namespace)]
public sealed class ChangeBatchGrain : Grain, IChangeBatchGrain, IStreamSubscriptionObserver, IRemindable
{
    private const string FlushReminder = "flush";

    // A redelivery comes within minutes (the ADO.NET stream's visibility timeout is one minute by default), so
    // finished submissions are remembered for a day before their entries are dropped.
    private static readonly TimeSpan FinishedRetention = TimeSpan.FromDays(1);

    private readonly IPersistentState<ChangeBatchState> _state;
    private readonly LakePublisher _lake;
    private readonly LakeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ChangeBatchGrain> _logger;
    private IGrainTimer? _windowTimer;

    public ChangeBatchGrain(
        [PersistentState("change-batch", DovetailSiloBuilderExtensions.StorageName)] IPersistentState<ChangeBatchState> state,
        LakePublisher lake,
        IOptions<LakeOptions> options,
        TimeProvider time,
        ILogger<ChangeBatchGrain> logger)
    {
        _state = state;
        _lake = lake;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    private long Partition => this.GetPrimaryKeyLong();

    private ChangeBatchState State => _state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.WindowStart is not null)
        {
            StartWindowTimer();
        }

        return Task.CompletedTask;
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        await handleFactory.Create<SubmissionChanged>().ResumeAsync((change, _) => OnChangeAsync(change));
    }

    public Task<int> FlushAsync() => PublishAsync("request", closeWindow: true);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (State.WindowStart is null)
        {
            await UnregisterFlushReminderAsync();
            return;
        }

        await CloseWindowIfEndedAsync();
    }

    private async Task OnChangeAsync(SubmissionChanged change)
    {
        if (IsDuplicate(change))
        {
            ChangeBatchLog.DuplicateDropped(_logger, Partition, change.EventId);
            return;
        }

        // A window that ended while no timer ran (the silo was down) is published before the new event opens the
        // next one, so windows never overlap.
        await CloseWindowIfEndedAsync();

        var opening = State.WindowStart is null;
        State.WindowStart ??= LakeObjectName.WindowStart(_time.GetUtcNow(), _options.Window);
        State.Buffer.Add(change);
        State.BufferedBytes += LakeRecordWriter.EstimateBytes(change);
        await _state.WriteStateAsync();

        if (opening)
        {
            StartWindowTimer();
            await this.RegisterOrUpdateReminder(FlushReminder, _options.Window, Max(_options.Window, TimeSpan.FromMinutes(1)));
        }

        if (State.BufferedBytes >= _options.MaxObjectBytes)
        {
            await PublishAsync("size", closeWindow: false);
        }
    }

    private bool IsDuplicate(SubmissionChanged change)
    {
        if (State.Published.TryGetValue(change.SubmissionId, out var published) && change.Version <= published.Version)
        {
            return true;
        }

        return State.Buffer.Exists(buffered => buffered.EventId == change.EventId);
    }

    private async Task CloseWindowIfEndedAsync()
    {
        if (State.WindowStart is { } start && _time.GetUtcNow() >= start + _options.Window)
        {
            await PublishAsync("window", closeWindow: true);
        }
    }

    private async Task<int> PublishAsync(string trigger, bool closeWindow)
    {
        if (State.Buffer.Count == 0 || State.WindowStart is null)
        {
            return 0;
        }

        var batch = new LakeBatch(Partition, State.WindowStart.Value, State.NextSequence, State.Buffer.ToList());
        LakeManifest manifest;
        try
        {
            manifest = await _lake.PublishAsync(batch, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // Nothing was published, because the store writes each object atomically and the manifest last.
            ChangeBatchLog.PublishFailed(_logger, exception, Partition, batch.Changes.Count, batch.ObjectPath);
            throw;
        }

        var now = _time.GetUtcNow();
        foreach (var change in batch.Changes)
        {
            State.Published[change.SubmissionId] = new PublishedVersion(change.Version, change.Status.IsFinal(), now);
        }

        PruneFinished(now);
        State.Buffer.Clear();
        State.BufferedBytes = 0;
        State.NextSequence++;
        if (closeWindow)
        {
            State.WindowStart = null;
            State.NextSequence = 1;
        }

        // A crash before this write publishes the same object again under the same name, which replaces it.
        await _state.WriteStateAsync();
        ChangeBatchLog.Published(_logger, Partition, manifest.Records, manifest.Bytes, manifest.ObjectPath, trigger);

        if (State.WindowStart is null)
        {
            _windowTimer?.Dispose();
            _windowTimer = null;
            await UnregisterFlushReminderAsync();
        }

        return manifest.Records;
    }

    private void PruneFinished(DateTimeOffset now)
    {
        var expired = State.Published
            .Where(entry => entry.Value.Final && now - entry.Value.PublishedAt > FinishedRetention)
            .Select(entry => entry.Key)
            .ToList();
        expired.ForEach(key => State.Published.Remove(key));
    }

    private void StartWindowTimer()
    {
        // The timer ticks at the end of the window; the reminder registered with it covers a silo that dies first.
        var due = State.WindowStart!.Value + _options.Window - _time.GetUtcNow();
        _windowTimer?.Dispose();
        _windowTimer = this.RegisterGrainTimer(
            _ => CloseWindowIfEndedAsync(), Max(due, TimeSpan.Zero), _options.Window);
    }

    private async Task UnregisterFlushReminderAsync()
    {
        var reminder = await this.GetReminder(FlushReminder);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private static TimeSpan Max(TimeSpan left, TimeSpan right) => left > right ? left : right;
}
