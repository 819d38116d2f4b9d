using System.Net.Mime;
using System.Text.Json;

namespace Dovetail.Gazetteer;

/// <summary>
/// <c>GET /cities</c>: the whole array, or one country's items with <c>?country=XX</c>, with the faults in force.
/// </summary>
internal static class CitiesEndpoint
{
    /// <summary>The country written into synthetic items when a request names no country.</summary>
    private const string UnknownCountry = "ZZ";

    private static readonly ReadOnlyMemory<byte> OpenBracket = "["u8.ToArray();
    private static readonly ReadOnlyMemory<byte> CloseBracket = "]"u8.ToArray();
    private static readonly ReadOnlyMemory<byte> Comma = ","u8.ToArray();

    public static IEndpointRouteBuilder MapCities(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/cities", HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(
        HttpContext context,
        CityCatalog catalog,
        FaultInjector faults,
        RequestRecorder recorder,
        TimeProvider timeProvider,
        ILogger<CityCatalog> logger)
    {
        var request = context.Request;
        var receivedAt = timeProvider.GetUtcNow();
        var country = request.Query["country"].ToString().Trim();
        var countryIsValid = country.Length == 0 || (country.Length == 2 && country.All(char.IsAsciiLetter));
        var decision = countryIsValid
            ? faults.Decide()
            : new FaultDecision(StatusCodes.Status400BadRequest, null, TimeSpan.Zero, null, null);

        recorder.Record(new RecordedRequest(
            request.Path.Value ?? string.Empty,
            request.QueryString.Value ?? string.Empty,
            request.Headers.TraceParent.ToString() is { Length: > 0 } traceParent ? traceParent : null,
            request.Headers["X-Correlation-Id"].ToString() is { Length: > 0 } correlationId ? correlationId : null,
            decision.Status,
            receivedAt));

        if (decision.Latency > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(decision.Latency, timeProvider, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                GazetteerLog.ClientLeftDuringLatency(logger, decision.Latency.TotalMilliseconds);
                return;
            }
        }

        if (decision.Status != StatusCodes.Status200OK)
        {
            await WriteErrorAsync(context, decision, country, logger);
            return;
        }

        await WriteCitiesAsync(context, catalog, decision, country.ToUpperInvariant(), logger);
    }

    private static async Task WriteErrorAsync(
        HttpContext context, FaultDecision decision, string country, ILogger logger)
    {
        var response = context.Response;
        response.StatusCode = decision.Status;
        if (decision.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = retryAfter;
        }

        var detail = decision.Status switch
        {
            StatusCodes.Status400BadRequest => $"The country '{country}' is not a two-letter ISO 3166-1 code.",
            StatusCodes.Status429TooManyRequests => "The rate limit was exceeded; retry after the Retry-After delay.",
            _ => "The stand-in injected this error.",
        };

        if (decision.Status == StatusCodes.Status429TooManyRequests)
        {
            GazetteerLog.Throttled(logger, decision.RetryAfter);
        }
        else
        {
            GazetteerLog.ErrorSent(logger, decision.Status);
        }

        response.ContentType = "application/problem+json";
        await JsonSerializer.SerializeAsync(
            response.Body,
            new { status = decision.Status, detail },
            cancellationToken: context.RequestAborted);
    }

    private static async Task WriteCitiesAsync(
        HttpContext context, CityCatalog catalog, FaultDecision decision, string country, ILogger logger)
    {
        var response = context.Response;
        var cancellationToken = context.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = MediaTypeNames.Application.Json;

        var items = country.Length == 0 ? null : catalog.ItemsOf(country);
        var fullLength = items is null ? catalog.Content.Length : ArrayLength(items);

        // The length is known up front unless the body is generated or cut short.
        if (decision.SyntheticItems is null && decision.TruncateAfterBytes is null)
        {
            response.ContentLength = fullLength;
        }

        var sink = new ResponseBodySink(response.BodyWriter, decision.TruncateAfterBytes);
        try
        {
            if (decision.SyntheticItems is { } syntheticCount)
            {
                await sink.WriteAsync(OpenBracket, cancellationToken);
                await SyntheticCities.WriteAsync(
                    sink, syntheticCount, country.Length == 0 ? UnknownCountry : country, cancellationToken);
                await WriteItemsAsync(sink, items ?? catalog.Items, syntheticCount > 0, cancellationToken);
                await sink.WriteAsync(CloseBracket, cancellationToken);
            }
            else if (items is null)
            {
                await sink.WriteAsync(catalog.Content, cancellationToken);
            }
            else
            {
                await sink.WriteAsync(OpenBracket, cancellationToken);
                await WriteItemsAsync(sink, items, leadingComma: false, cancellationToken);
                await sink.WriteAsync(CloseBracket, cancellationToken);
            }

            await sink.FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            GazetteerLog.ClientLeftDuringBody(logger, sink.Written);
            return;
        }

        if (decision.TruncateAfterBytes is { } limit && sink.IsFull)
        {
            GazetteerLog.Truncated(logger, limit);
        }
    }

    private static async Task WriteItemsAsync(
        ResponseBodySink sink,
        IReadOnlyList<ReadOnlyMemory<byte>> items,
        bool leadingComma,
        CancellationToken cancellationToken)
    {
        for (var index = 0; index < items.Count && !sink.IsFull; index++)
        {
            if (index > 0 || leadingComma)
            {
                await sink.WriteAsync(Comma, cancellationToken);
            }

            await sink.WriteAsync(items[index], cancellationToken);
        }
    }

    private static long ArrayLength(IReadOnlyList<ReadOnlyMemory<byte>> items)
    {
        long length = 2 + Math.Max(0, items.Count - 1);
        foreach (var item in items)
        {
            length += item.Length;
        }

        return length;
    }
}
