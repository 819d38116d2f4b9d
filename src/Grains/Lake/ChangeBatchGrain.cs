using System.Diagnostics;
using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Lake;
using Dovetail.Grains.Lake.Buffer;
using Dovetail.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Dovetail.Grains.Lake;

/// <summary>
/// Collects the change events of one partition and publishes them to the lake when the buffer reaches
/// <see cref="LakeOptions.MaxObjectBytes"/> or the fixed window ends, whichever comes first, then runs the query
/// step on each published object. Every event is appended to the durable <see cref="IChangeBuffer"/> before it is
/// acknowledged, so a crashed silo loses nothing the stream delivered. The stream delivers at least once; events
/// already buffered or published are dropped by event id.
/// </summary>
[ImplicitStreamSubscription(ChangeStreams.Namespace)]
public sealed class ChangeBatchGrain : Grain, IChangeBatchGrain, IStreamSubscriptionObserver, IRemindable
{
    private const string FlushReminder = "flush";

    // A redelivery comes within minutes (the ADO.NET stream's visibility timeout is one minute by default), so
    // published event ids are remembered for a day.
    private static readonly TimeSpan PublishedRetention = TimeSpan.FromDays(1);

    private readonly IChangeBuffer _buffer;
    private readonly LakePublisher _lake;
    private readonly LakeOptions _options;
    private readonly LakeClock _time;
    private readonly ILogger<ChangeBatchGrain> _logger;
    private readonly HashSet<string> _runningQueries = new(StringComparer.Ordinal);
    private ChangeBufferStatus _status = new(null, 1, 0, 0);
    private IGrainTimer? _windowTimer;

    public ChangeBatchGrain(
        IChangeBuffer buffer,
        LakePublisher lake,
        IOptions<LakeOptions> options,
        LakeClock time,
        ILogger<ChangeBatchGrain> logger)
    {
        _buffer = buffer;
        _lake = lake;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    private long Partition => this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _status = await _buffer.ReadStatusAsync(Partition, cancellationToken);
        if (_status.WindowStart is not null)
        {
            StartWindowTimer();
        }

        await RunPendingQueriesAsync();
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        await handleFactory.Create<SubmissionChanged>().ResumeAsync((change, _) => OnChangeAsync(change));
    }

    public Task<int> FlushAsync() => PublishAsync("request", closeWindow: true);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await CloseWindowIfEndedAsync();
        var pending = await RunPendingQueriesAsync();
        if (_status.WindowStart is null && pending == 0)
        {
            await UnregisterFlushReminderAsync();
        }
    }

    private async Task OnChangeAsync(SubmissionChanged change)
    {
        // A window that ended while no timer ran (the silo was down) is published before the new event opens the
        // next one, so windows never overlap. When that publish fails, the event joins the ended window rather than
        // failing its delivery, because a stream that gives up on an event skips it.
        try
        {
            await CloseWindowIfEndedAsync();
        }
#pragma warning disable CA1031 // PublishAsync logged the failure, and the timer or the reminder publishes again.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        var windowStart = _status.WindowStart ?? LakeObjectName.WindowStart(_time.GetUtcNow(), _options.Window);
        var bytes = LakeRecordWriter.EstimateBytes(change);
        bool appended;
        try
        {
            appended = await _buffer.AppendAsync(Partition, change, bytes, windowStart, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // Failing the delivery makes the stream retry it, for up to Lake:MaxDeliveryTime.
            ChangeBatchLog.AppendFailed(_logger, exception, Partition, change.EventId, change.CorrelationId);
            throw;
        }

        if (appended)
        {
            DovetailMetrics.RecordStreamEvents(1, (int)Partition);
            _status = _status with { WindowStart = windowStart, Count = _status.Count + 1, Bytes = _status.Bytes + bytes };
        }
        else
        {
            ChangeBatchLog.DuplicateDropped(_logger, Partition, change.EventId);
            if (_status.WindowStart is null)
            {
                // An earlier delivery may have appended the event and then failed before this status changed.
                _status = await _buffer.ReadStatusAsync(Partition, CancellationToken.None);
            }
        }

        // A window without a timer was opened by this event, or by an earlier delivery of it that failed after the
        // append. Scheduling it here, for duplicates too, lets the retried delivery finish what the failed one began.
        if (_status.WindowStart is not null && _windowTimer is null)
        {
            // The buffer chose the new window's first sequence number, which continues a window closed early.
            _status = await _buffer.ReadStatusAsync(Partition, CancellationToken.None);
            StartWindowTimer();
            await RegisterFlushReminderAsync();
        }

        if (appended && _status.Bytes >= _options.MaxObjectBytes)
        {
            await PublishBySizeAsync();
        }
    }

    // The event is buffered already, so a failed publish must not fail its delivery: a stream that gives up on an
    // event skips it. The next event over the limit, the window timer or the reminder publishes again.
    private async Task PublishBySizeAsync()
    {
        try
        {
            await PublishAsync("size", closeWindow: false);
        }
#pragma warning disable CA1031 // PublishAsync logged the failure, and the buffered events are published later.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private async Task CloseWindowIfEndedAsync()
    {
        if (_status.WindowStart is { } start && _time.GetUtcNow() >= start + _options.Window)
        {
            await PublishAsync("window", closeWindow: true);
        }
    }

    private async Task<int> PublishAsync(string trigger, bool closeWindow)
    {
        if (_status.WindowStart is not { } windowStart)
        {
            return 0;
        }

        var contents = await _buffer.ReadAsync(Partition, CancellationToken.None);
        if (contents.Changes.Count == 0)
        {
            if (closeWindow)
            {
                await _buffer.CloseEmptyWindowAsync(Partition, CancellationToken.None);
                CloseWindowInMemory();
            }

            return 0;
        }

        // The stored cursor names the object, so a status in memory that missed an update never reuses a name.
        var batch = new LakeBatch(Partition, contents.WindowStart ?? windowStart, contents.NextSequence, contents.Changes);
        using var activity = DovetailActivitySource.StartWithLinksTo("lake.flush", batch.Changes.Select(change => change.TraceParent));
        activity?.SetTag("dovetail.partition", Partition);
        activity?.SetTag("dovetail.lake.object", batch.ObjectPath);
        activity?.SetTag("dovetail.lake.records", batch.Changes.Count);
        var started = Stopwatch.GetTimestamp();
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

        // A crash before this completion publishes the same object again under the same name, which replaces it.
        var now = _time.GetUtcNow();
        await _buffer.CompleteAsync(
            Partition, contents, manifest.ObjectPath, closeWindow, now, now - PublishedRetention, CancellationToken.None);
        DovetailMetrics.RecordFlush(Stopwatch.GetElapsedTime(started), manifest.Records, manifest.Bytes);
        ChangeBatchLog.Published(_logger, Partition, manifest.Records, manifest.Bytes, manifest.ObjectPath, trigger);

        if (closeWindow)
        {
            CloseWindowInMemory();
        }
        else
        {
            // The stored cursor names the next object, so only the size in memory starts again.
            _status = _status with { Count = 0, Bytes = 0 };
        }

        StartQuery(manifest.ObjectPath);
        return manifest.Records;
    }

    private void CloseWindowInMemory()
    {
        _status = new ChangeBufferStatus(null, 1, 0, 0);
        _windowTimer?.Dispose();
        _windowTimer = null;
    }

    // The query of each published object runs beside the batching, so a slow query never holds back the stream.
    // The object stays pending in the buffer until its query step finishes, and the reminder runs it again when a
    // silo died first.
    private async Task<int> RunPendingQueriesAsync()
    {
        var pending = await _buffer.ReadPendingQueriesAsync(Partition, CancellationToken.None);
        foreach (var objectPath in pending)
        {
            StartQuery(objectPath);
        }

        if (pending.Count > 0)
        {
            await RegisterFlushReminderAsync();
        }

        return pending.Count;
    }

    private void StartQuery(string objectPath)
    {
        if (_runningQueries.Add(objectPath))
        {
            _ = RunQueryAsync(objectPath);
        }
    }

    private async Task RunQueryAsync(string objectPath)
    {
        try
        {
            var outcome = await GrainFactory.GetGrain<ILakeQueryGrain>(objectPath).RunAsync();
            await _buffer.CompleteQueryAsync(Partition, objectPath, CancellationToken.None);
            ChangeBatchLog.QueryFinished(_logger, Partition, objectPath, outcome.Succeeded, outcome.ResultPath);
        }
#pragma warning disable CA1031 // The object stays pending whatever failed, and the reminder runs its query again.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            ChangeBatchLog.QueryNotRun(_logger, exception, Partition, objectPath);
        }
        finally
        {
            _runningQueries.Remove(objectPath);
        }
    }

    private void StartWindowTimer()
    {
        // The timer ticks at the end of the window; the reminder registered with it covers a silo that dies first.
        var due = _status.WindowStart!.Value + _options.Window - _time.GetUtcNow();
        _windowTimer?.Dispose();
        _windowTimer = this.RegisterGrainTimer(
            _ => CloseWindowIfEndedAsync(), Max(due, TimeSpan.Zero), _options.Window);
    }

    private async Task RegisterFlushReminderAsync() =>
        await this.RegisterOrUpdateReminder(FlushReminder, _options.Window, Max(_options.Window, TimeSpan.FromMinutes(1)));

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
