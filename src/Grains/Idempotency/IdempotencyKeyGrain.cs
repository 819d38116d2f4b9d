using Dovetail.Grains.Abstractions.Idempotency;
using Dovetail.Grains.Abstractions.Storage;
using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dovetail.Grains.Idempotency;

/// <summary>
/// Guards one idempotency key of one client. Orleans runs one call of a grain at a time, so concurrent first
/// requests with the same key are handled one after the other and all of them get the same submission.
/// </summary>
public sealed class IdempotencyKeyGrain : Grain, IIdempotencyKeyGrain
{
    private readonly IPersistentState<IdempotencyKeyState> _state;
    private readonly IdempotencyOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<IdempotencyKeyGrain> _logger;

    public IdempotencyKeyGrain(
        [PersistentState("idempotency-key", DovetailSiloBuilderExtensions.StorageName)] IPersistentState<IdempotencyKeyState> state,
        IOptions<IdempotencyOptions> options,
        TimeProvider time,
        ILogger<IdempotencyKeyGrain> logger)
    {
        _state = state;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public async Task<CreateSubmissionResult> CreateAsync(CreateSubmissionCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(command.IdempotencyKey);

        var now = _time.GetUtcNow();
        var record = _state.State;
        var retained = record.SubmissionId is not null && now - record.FirstUsedAt < _options.KeyRetention;
        if (retained && record.Fingerprint != command.Fingerprint)
        {
            return new CreateSubmissionResult(CreateSubmissionOutcome.KeyReusedWithDifferentBody, null);
        }

        if (!retained)
        {
            record.Generation++;
            record.SubmissionId = IdempotencyKeys.DeriveSubmissionId(
                command.ClientId, command.IdempotencyKey, record.Generation);
            record.Fingerprint = command.Fingerprint;
            record.FirstUsedAt = now;
            try
            {
                await _state.WriteStateAsync();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The record in memory is ahead of storage; a fresh activation reloads what was committed.
                DeactivateOnIdle();
                IdempotencyLog.KeyNotStored(_logger, exception, command.ClientId, command.CorrelationId);
                throw new StoreUnavailableException("The idempotency key could not be stored; nothing was committed.");
            }
        }

        // The submission grain is asked every time, not only on the first use: if a crash came between storing
        // the key and creating the submission, this call creates it, and otherwise it returns a replay.
        var submission = GrainFactory.GetGrain<ISubmissionGrain>(record.SubmissionId!);
        return await submission.CreateAsync(command);
    }
}
