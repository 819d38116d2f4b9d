using System.Diagnostics;
using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Lookup;
using Dovetail.Grains.Abstractions.Storage;
using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.Grains.Changes;
using Dovetail.Grains.Hosting;
using Dovetail.Grains.Lookup;
using Dovetail.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dovetail.Grains.Submissions;

/// <summary>
/// Joins the two halves of one submission. It persists every transition before it returns, and it never awaits
/// the external call: it hands the lookup to a worker and receives the outcome later through
/// <see cref="ApplyEnrichmentAsync"/>, so reads and the second request are served while the lookup runs.
/// Every committed change is also published on the change stream through an outbox kept in the state.
/// </summary>
public sealed class SubmissionGrain : Grain, ISubmissionGrain, IRemindable
{
    internal const string DeadlineReminder = "deadline";
    internal const string EnrichmentReminder = "enrichment";
    internal const string OutboxReminder = "outbox";

    private readonly IPersistentState<SubmissionState> _state;
    private readonly SubmissionOptions _options;
    private readonly int _lookupWorkers;
    private readonly int _partitions;
    private readonly TimeProvider _time;
    private readonly ILogger<SubmissionGrain> _logger;
    private SubmissionView? _view;

    // True when published events were removed from the outbox in memory but not yet in storage.
    private bool _outboxTrimmedSinceWrite;
    private Task _outboxPublishing = Task.CompletedTask;

    // True after a failed write, until the activation ends: nothing in memory may be stored from then on.
    private bool _stateAheadOfStorage;
    private IGrainTimer? _resumeTimer;

    public SubmissionGrain(
        [PersistentState("submission", DovetailSiloBuilderExtensions.StorageName)] IPersistentState<SubmissionState> state,
        IOptions<SubmissionOptions> options,
        IOptions<LookupOptions> lookupOptions,
        IOptions<ChangeOptions> changeOptions,
        TimeProvider time,
        ILogger<SubmissionGrain> logger)
    {
        _state = state;
        _options = options.Value;
        _lookupWorkers = lookupOptions.Value.MaxConcurrency;
        _partitions = changeOptions.Value.Partitions;
        _time = time;
        _logger = logger;
    }

    private string Id => this.GetPrimaryKeyString();

    private SubmissionState State => _state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!State.Exists)
        {
            return Task.CompletedTask;
        }

        _view = SubmissionDocument.ToView(Id, State);
        if (State.EnrichmentPending || State.Outbox.Count > 0)
        {
            // A timer tick is a turn of its own that requests do not interleave with, unlike a task started here, so
            // the resumed work commits and publishes in order with the requests that arrive meanwhile.
            _resumeTimer = this.RegisterGrainTimer(_ => ResumeAsync(), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        return Task.CompletedTask;
    }

    private async Task ResumeAsync()
    {
        _resumeTimer?.Dispose();
        _resumeTimer = null;
        using var scope = BeginLogScope();

        // An activation that finds a pending lookup may follow a silo crash that lost the worker's queue, so it
        // dispatches again without waiting for the next reminder tick. Workers ignore a submission they already
        // hold, so this costs nothing when the lookup is still running.
        if (State.EnrichmentPending)
        {
            await DispatchEnrichmentAsync();
        }

        // Events left in the outbox were committed but maybe not published before the last activation ended.
        // Publishing them again may duplicate some; consumers drop duplicates by event id.
        await PublishOutboxAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (!_outboxTrimmedSinceWrite || _stateAheadOfStorage)
        {
            return;
        }

        using var scope = BeginLogScope();
        try
        {
            await _state.WriteStateAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The events stay in the stored outbox and are published once more on the next activation. A silo that
            // shuts down may have stopped its storage first, as the in-memory storage of local mode does, which is
            // expected and not worth a warning with its stack trace.
            if (reason.ReasonCode == DeactivationReasonCode.ShuttingDown)
            {
                SubmissionLog.OutboxTrimNotStoredAtShutdown(_logger, Id, exception.GetType().Name);
            }
            else
            {
                SubmissionLog.OutboxTrimNotStored(_logger, exception, Id);
            }
        }
    }

    public async Task<CreateSubmissionResult> CreateAsync(CreateSubmissionCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);

        using var scope = BeginLogScope(command.CorrelationId);
        if (State.Exists)
        {
            var sameRequest = State.ClientId == command.ClientId && State.PayloadFingerprint == command.Fingerprint;
            return sameRequest
                ? new CreateSubmissionResult(CreateSubmissionOutcome.Replayed, _view)
                : new CreateSubmissionResult(CreateSubmissionOutcome.KeyReusedWithDifferentBody, null);
        }

        // The reminders are registered before the first write, so a crash after it cannot leave a stored submission
        // that nothing expires or re-drives. State changes only after registering, so a failed registration stores
        // nothing, and reminders left by a failed write remove themselves on their first tick.
        var now = _time.GetUtcNow();
        try
        {
            await this.RegisterOrUpdateReminder(DeadlineReminder, _options.AdditionalDataDeadline, _options.ReminderPeriod);
            await this.RegisterOrUpdateReminder(EnrichmentReminder, _options.ReminderPeriod, _options.ReminderPeriod);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            SubmissionLog.RemindersNotRegistered(_logger, exception, Id, command.CorrelationId);
            throw new StoreUnavailableException($"Submission {Id} could not register its reminders; nothing was stored.");
        }

        State.ClientId = command.ClientId;
        State.PayloadJson = command.PayloadJson;
        State.PayloadFingerprint = command.Fingerprint;
        State.Query = command.Query;
        State.CorrelationId = command.CorrelationId;
        State.TraceParent = command.TraceParent;
        State.IdempotencyKey = command.IdempotencyKey;
        State.CreatedAt = now;
        State.Deadline = now + _options.AdditionalDataDeadline;
        // The first change carries the creation time itself, so the document and the first event agree on it.
        await CommitAsync(SubmissionStatus.Accepted, "created", command.CorrelationId, at: now);
        SubmissionLog.Created(_logger, Id, command.ClientId, command.CorrelationId);
        await DispatchEnrichmentAsync();

        return new CreateSubmissionResult(CreateSubmissionOutcome.Created, _view);
    }

    public async Task<AddDataResult> AddDataAsync(AddDataCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);

        using var scope = BeginLogScope(command.CorrelationId);

        // The second request usually comes in another trace than the first, so its span links back to the trace
        // that created the submission.
        using var activity = DovetailActivitySource.StartWithLinkTo("submission.add-data", State.TraceParent);
        activity?.SetTag("dovetail.submission_id", Id);
        activity?.SetTag("dovetail.correlation_id", command.CorrelationId);

        if (!State.Exists || State.ClientId != command.ClientId)
        {
            return new AddDataResult(AddDataOutcome.NotFound, null);
        }

        if (State.AdditionalDataJson is not null)
        {
            // A replay of the stored data returns the current state, and other data is a conflict.
            return State.AdditionalDataFingerprint == command.Fingerprint
                ? new AddDataResult(OutcomeOfStoredData(), _view)
                : new AddDataResult(AddDataOutcome.ConflictingData, _view);
        }

        switch (State.Status)
        {
            case SubmissionStatus.Expired:
                return new AddDataResult(AddDataOutcome.Expired, _view);
            case SubmissionStatus.Failed:
                return new AddDataResult(AddDataOutcome.Failed, _view);
        }

        // The deadline decides, not its reminder, which can tick late: data that comes after it expires the
        // submission here instead of being stored.
        if (_time.GetUtcNow() >= State.Deadline)
        {
            await ExpireAsync();
            return new AddDataResult(AddDataOutcome.Expired, _view);
        }

        State.AdditionalDataJson = command.DataJson;
        State.AdditionalDataFingerprint = command.Fingerprint;
        State.AdditionalDataAt = _time.GetUtcNow();
        var next = State.Enrichment is null ? SubmissionStatus.AwaitingEnrichment : SubmissionStatus.Completed;
        await CommitAsync(next, "additional-data", command.CorrelationId);

        await UnregisterAsync(DeadlineReminder);
        if (next.IsFinal())
        {
            await UnregisterAsync(EnrichmentReminder);
        }

        return new AddDataResult(OutcomeOfStoredData(), _view);
    }

    public Task<SubmissionView?> GetAsync(string clientId) =>
        Task.FromResult(State.Exists && State.ClientId == clientId ? _view : null);

    public Task<IReadOnlyList<SubmissionTransition>?> GetTimelineAsync(string clientId) =>
        Task.FromResult<IReadOnlyList<SubmissionTransition>?>(
            State.Exists && State.ClientId == clientId ? State.Timeline.ToArray() : null);

    public async Task ApplyEnrichmentAsync(EnrichmentOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);

        using var scope = BeginLogScope();
        if (!State.EnrichmentPending)
        {
            // Re-drives and redelivered outcomes land here: only the first outcome counts.
            SubmissionLog.OutcomeIgnored(_logger, Id, outcome.Dispatch, State.Status.ToWireName());
            return;
        }

        SubmissionStatus next;
        if (outcome.Kind == EnrichmentOutcomeKind.Failed)
        {
            State.FailureReason = outcome.FailureReason ?? "enrichment_failed";
            SubmissionLog.EnrichmentFailed(_logger, Id, State.FailureReason, State.CorrelationId);
            next = SubmissionStatus.Failed;
        }
        else
        {
            State.Enrichment = outcome;
            next = State.AdditionalDataJson is null ? SubmissionStatus.AwaitingData : SubmissionStatus.Completed;
        }

        await CommitAsync(next, "enrichment", State.CorrelationId, outcome.Attempts);

        await UnregisterAsync(EnrichmentReminder);
        if (next.IsFinal())
        {
            await UnregisterAsync(DeadlineReminder);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        using var scope = BeginLogScope();
        if (reminderName == OutboxReminder)
        {
            await PublishOutboxAsync();
            if (State.Outbox.Count == 0)
            {
                await UnregisterAsync(OutboxReminder);
            }

            return;
        }

        // A submission whose first write failed has its two reminders but no stored state, so the first tick of
        // either one removes both. The deadline reminder alone would otherwise stay until the deadline.
        if (!State.Exists)
        {
            SubmissionLog.RemindersOfUnstoredSubmission(_logger, Id, reminderName);
            await UnregisterAsync(DeadlineReminder);
            await UnregisterAsync(EnrichmentReminder);
            return;
        }

        if (State.Status.IsFinal())
        {
            await UnregisterAsync(reminderName);
            return;
        }

        switch (reminderName)
        {
            case DeadlineReminder:
                await OnDeadlineTickAsync();
                break;
            case EnrichmentReminder when State.EnrichmentPending:
                await DispatchEnrichmentAsync();
                break;
            case EnrichmentReminder:
                await UnregisterAsync(reminderName);
                break;
        }
    }

    private async Task OnDeadlineTickAsync()
    {
        // A tick can come early, because the reminder service rounds due times, or twice for the same deadline when
        // a silo restarts around the due time. Only a tick at or after the deadline with no data stored expires.
        if (State.AdditionalDataJson is not null || _time.GetUtcNow() < State.Deadline)
        {
            return;
        }

        await ExpireAsync();
    }

    private async Task ExpireAsync()
    {
        await CommitAsync(SubmissionStatus.Expired, "deadline", State.CorrelationId);
        await UnregisterAsync(DeadlineReminder);
        await UnregisterAsync(EnrichmentReminder);
    }

    private async Task DispatchEnrichmentAsync()
    {
        var query = State.Query!;
        var dispatch = ++State.Dispatches;
        var workerKey = LookupRouting.WorkerFor(query, _lookupWorkers);
        try
        {
            var worker = GrainFactory.GetGrain<IPlaceLookupGrain>(workerKey);
            await worker.EnqueueAsync(new LookupRequest(Id, dispatch, query, State.CorrelationId, State.TraceParent));
            SubmissionLog.Dispatched(_logger, Id, dispatch, workerKey, State.CorrelationId);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The enrichment reminder dispatches again on its next tick, so the submission is not stuck.
            SubmissionLog.DispatchFailed(_logger, exception, Id, dispatch, State.CorrelationId);
            return;
        }

        if (State.Status == SubmissionStatus.Accepted)
        {
            await CommitAsync(SubmissionStatus.Enriching, "dispatched", State.CorrelationId);
        }
    }

    private async Task CommitAsync(
        SubmissionStatus status, string cause, string correlationId, int? attempts = null, DateTimeOffset? at = null)
    {
        var now = at ?? _time.GetUtcNow();
        State.Status = status;
        State.Version++;
        State.UpdatedAt = now;
        State.Timeline.Add(new SubmissionTransition(
            State.Version, status, now, cause, correlationId, attempts, Activity.Current?.TraceId.ToHexString()));
        var view = SubmissionDocument.ToView(Id, State);
        State.Outbox.Add(new SubmissionChanged(
            SubmissionChanged.EventIdOf(Id, State.Version), Id, State.Version, status, now, cause, State.ClientId!,
            correlationId, State.TraceParent, view.Json));
        try
        {
            await _state.WriteStateAsync();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The in-memory state is now ahead of storage. Deactivating makes the next call reload what was
            // committed, and the caller sees the error instead of a success that was never stored. The deactivation
            // must not write this state either, so the trimmed outbox is left to be published once more.
            _outboxTrimmedSinceWrite = false;
            _stateAheadOfStorage = true;
            DeactivateOnIdle();
            SubmissionLog.CommitFailed(_logger, exception, Id, status.ToWireName(), correlationId);
            throw new StoreUnavailableException(
                $"Submission {Id} could not store its change to {status.ToWireName()}; nothing was committed.");
        }

        _view = view;
        _outboxTrimmedSinceWrite = false;
        SubmissionLog.Transitioned(_logger, Id, status.ToWireName(), State.Version, cause, correlationId);
        RecordStageDurations(status, cause, now);
        await PublishOutboxAsync();
    }

    // A publish awaits the stream, and a reminder tick or a commit may start another meanwhile. Chaining the runs
    // keeps two of them from taking the same event off the outbox, which would drop the next one unpublished.
    private Task PublishOutboxAsync()
    {
        _outboxPublishing = PublishOutboxAfterAsync(_outboxPublishing);
        return _outboxPublishing;
    }

    private async Task PublishOutboxAfterAsync(Task previous)
    {
        await previous;
        if (State.Outbox.Count == 0)
        {
            return;
        }

        try
        {
            var partition = ChangeStreams.PartitionOf(Id, _partitions);
            var stream = this.GetStreamProvider(ChangeStreams.ProviderName)
                .GetStream<SubmissionChanged>(StreamId.Create(ChangeStreams.Namespace, partition));

            // Oldest first, one at a time, so the stream carries a submission's changes in version order.
            while (State.Outbox.Count > 0)
            {
                await stream.OnNextAsync(State.Outbox[0]);
                State.Outbox.RemoveAt(0);
                _outboxTrimmedSinceWrite = true;
            }

            // A finished submission commits nothing more and has no reminder, so it may next wake long after the
            // consumers have forgotten these event ids. Storing the trimmed outbox now keeps them from coming back.
            if (State.Status.IsFinal() && !_stateAheadOfStorage)
            {
                await _state.WriteStateAsync();
                _outboxTrimmedSinceWrite = false;
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The events stay in the outbox, and its reminder publishes them again.
            SubmissionLog.PublishFailed(_logger, exception, Id, State.Outbox.Count > 0 ? State.Outbox[0].Version : State.Version);
            await RegisterOutboxReminderAsync();
        }
    }

    private async Task RegisterOutboxReminderAsync()
    {
        try
        {
            await this.RegisterOrUpdateReminder(OutboxReminder, _options.ReminderPeriod, _options.ReminderPeriod);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The change itself is committed, so the caller still gets its result. The events are published on
            // the next activation or the next commit instead.
            SubmissionLog.OutboxReminderFailed(_logger, exception, Id);
        }
    }

    private void RecordStageDurations(SubmissionStatus status, string cause, DateTimeOffset now)
    {
        var sinceCreated = now - State.CreatedAt;
        if (cause == "enrichment" && status != SubmissionStatus.Failed)
        {
            DovetailMetrics.RecordStage(DovetailMetrics.EnrichmentStage, sinceCreated);
        }

        var finalStage = status switch
        {
            SubmissionStatus.Completed => DovetailMetrics.CompletionStage,
            SubmissionStatus.Failed => DovetailMetrics.FailureStage,
            SubmissionStatus.Expired => DovetailMetrics.ExpiryStage,
            _ => null,
        };
        if (finalStage is not null)
        {
            DovetailMetrics.RecordStage(finalStage, sinceCreated);
        }
    }

    /// <summary>
    /// Starts the scope that puts the submission id and a correlation id on every log line of this call. The
    /// correlation id is the one the caller passed, else the one in the Orleans request context, else the one
    /// stored when the submission was created.
    /// </summary>
    private IDisposable? BeginLogScope(string? correlationId = null) =>
        _logger.BeginScope(LogScope.ForSubmission(Id, correlationId ?? CorrelationContext.Current ?? State.CorrelationId));

    private AddDataOutcome OutcomeOfStoredData() => State.Status switch
    {
        SubmissionStatus.Completed => AddDataOutcome.Completed,
        SubmissionStatus.Failed => AddDataOutcome.Failed,
        _ => AddDataOutcome.Stored,
    };

    private async Task UnregisterAsync(string reminderName)
    {
        try
        {
            var reminder = await this.GetReminder(reminderName);
            if (reminder is not null)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            SubmissionLog.UnregisterFailed(_logger, exception, Id, reminderName);
        }
    }
}
