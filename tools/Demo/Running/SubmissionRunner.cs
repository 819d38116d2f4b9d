using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Dovetail.Demo.Running;

/// <summary>
/// Runs the two-part flow for each planned submission: first POST, optional repeat, additional data after a delay,
/// then GET polling until the status is final.
/// </summary>
internal sealed class SubmissionRunner(DovetailApiClient client, string runId, Action onSubmitted, Action onFinished)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public async Task<IReadOnlyList<SubmissionOutcome>> RunAllAsync(
        IReadOnlyList<SubmissionPlan> plans, int concurrency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var outcomes = new SubmissionOutcome[plans.Count];

        // The loop itself is not cancelled. Each submission checks the token and records that it stopped, so every
        // plan ends up with an outcome to report.
        var parallelOptions = new ParallelOptions { MaxDegreeOfParallelism = concurrency };
        await Parallel.ForEachAsync(plans, parallelOptions, async (plan, _) =>
        {
            outcomes[plan.Index] = await RunAsync(plan, cancellationToken);
            onFinished();
        });

        return outcomes;
    }

    private async Task<SubmissionOutcome> RunAsync(SubmissionPlan plan, CancellationToken cancellationToken)
    {
        var outcome = new SubmissionOutcome(plan);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await RunStepsAsync(plan, outcome, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome.WasCancelled = true;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException
            or InvalidOperationException or System.Text.Json.JsonException)
        {
            outcome.Errors.Add($"{exception.GetType().Name}: {exception.Message}");
        }

        return outcome;
    }

    private async Task RunStepsAsync(SubmissionPlan plan, SubmissionOutcome outcome, CancellationToken cancellationToken)
    {
        var index = plan.Index.ToString(CultureInfo.InvariantCulture);
        var idempotencyKey = $"demo-{runId}-{index}";
        var correlationId = $"demo-{runId}-{index}";
        var started = Stopwatch.GetTimestamp();

        var created = await client.CreateSubmissionAsync(
            SubmissionBodies.First(plan), idempotencyKey, correlationId, cancellationToken);
        outcome.FirstPostLatency = created.Elapsed;
        outcome.ClientRetries += created.RetryReasons.Count;
        var answered = Stopwatch.GetTimestamp();

        if (created.Status != HttpStatusCode.Accepted || created.GetString("id") is not { } id)
        {
            outcome.Errors.Add($"First POST returned {created.Describe()} instead of 202 with an id.");
            return;
        }

        outcome.Id = id;
        outcome.LastStatus = created.GetString("status");
        onSubmitted();

        if (plan.RepeatFirstPost)
        {
            await RepeatFirstPostAsync(plan, outcome, idempotencyKey, correlationId, cancellationToken);
        }

        // The delay counts from the first response, so a short one lands while enrichment is still running.
        var remaining = plan.DataDelay - Stopwatch.GetElapsedTime(answered);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, cancellationToken);
        }

        var data = await client.AddDataAsync(id, SubmissionBodies.AdditionalData(plan), correlationId, cancellationToken);
        outcome.AdditionalDataLatency = data.Elapsed;
        outcome.ClientRetries += data.RetryReasons.Count;
        outcome.AdditionalDataResult = data.Describe();
        RecordAdditionalData(data, outcome);

        await PollUntilFinalAsync(id, outcome, started, cancellationToken);
    }

    private async Task RepeatFirstPostAsync(
        SubmissionPlan plan,
        SubmissionOutcome outcome,
        string idempotencyKey,
        string correlationId,
        CancellationToken cancellationToken)
    {
        var repeated = await client.CreateSubmissionAsync(
            SubmissionBodies.First(plan), idempotencyKey, correlationId, cancellationToken);
        outcome.ClientRetries += repeated.RetryReasons.Count;

        if ((int)repeated.Status is < 200 or > 299)
        {
            outcome.Errors.Add($"Repeated first POST returned {repeated.Describe()} instead of the original response.");
            return;
        }

        var repeatedId = repeated.GetString("id");
        outcome.RepeatReturnedSameId = repeatedId == outcome.Id;
        if (outcome.RepeatReturnedSameId == false)
        {
            outcome.Errors.Add($"Repeated first POST returned id '{repeatedId}' instead of '{outcome.Id}'.");
        }
    }

    private static void RecordAdditionalData(ApiResponse data, SubmissionOutcome outcome)
    {
        switch (data.Status)
        {
            case HttpStatusCode.OK:
            case HttpStatusCode.Accepted:
                outcome.LastStatus = data.GetString("status") ?? outcome.LastStatus;
                break;

            // The API contract lists these conflicts as valid responses, so they are not errors. Polling shows the final status.
            case HttpStatusCode.Conflict when data.ProblemCode is "submission_failed" or "submission_expired"
                or "additional_data_conflict":
                break;

            default:
                outcome.Errors.Add($"Additional-data POST returned unexpected {data.Describe()}.");
                break;
        }
    }

    private async Task PollUntilFinalAsync(
        string id, SubmissionOutcome outcome, long started, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await client.GetSubmissionAsync(id, cancellationToken);
            outcome.GetLatencies.Add(read.Elapsed);

            if (read.Status == HttpStatusCode.OK)
            {
                outcome.LastStatus = read.GetString("status") ?? outcome.LastStatus;
                if (outcome.IsFinal)
                {
                    outcome.TimeToFinal = Stopwatch.GetElapsedTime(started);
                    return;
                }
            }
            else
            {
                outcome.Errors.Add($"GET returned {read.Describe()} instead of 200.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
