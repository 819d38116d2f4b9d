using System.Buffers;
using Dovetail.Api.Hosting;
using Dovetail.Api.Problems;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Dovetail.Api.Json;

/// <summary>
/// Reads a JSON request body into memory within the size limit and validates it with
/// <see cref="JsonSyntaxValidator"/>. The bytes are kept as sent, so numbers keep every digit.
/// </summary>
public sealed class JsonBodyReader(IOptions<ApiOptions> options)
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>Returns the body bytes, or the error to return.</summary>
    public async Task<(byte[]? Body, JsonBodyError? Error)> ReadAsync(
        HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (!IsJsonContentType(request.ContentType))
        {
            return (null, new JsonBodyError(
                StatusCodes.Status415UnsupportedMediaType,
                ProblemCodes.UnsupportedMediaType,
                "Unsupported media type",
                "The request body must be sent with Content-Type: application/json (UTF-8).",
                "Content-Type"));
        }

        var maxBytes = options.Value.MaxBodyBytes;
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        // Count while reading as well: a chunked body has no Content-Length, and a declared length can be absent.
        var body = await ReadLimitedAsync(request.Body, request.ContentLength, maxBytes, cancellationToken);
        if (body is null)
        {
            return (null, TooLarge(maxBytes));
        }

        var error = JsonSyntaxValidator.Validate(body, options.Value.MaxJsonDepth);
        return error is null ? (body, null) : (null, error);
    }

    private static async Task<byte[]?> ReadLimitedAsync(
        Stream stream,
        long? declaredLength,
        int maxBytes,
        CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)Math.Min(declaredLength ?? ChunkSize, maxBytes));
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static bool IsJsonContentType(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return false;
        }

        if (!mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // JSON exchanged between systems must be UTF-8 (RFC 8259, section 8.1); any other charset is rejected. A
        // quoted value means the same as the bare one (RFC 9110, section 5.6.6), and the parser keeps the quotes.
        var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset);
        return !charset.HasValue
            || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    private static JsonBodyError TooLarge(int maxBytes) => new(
        StatusCodes.Status413PayloadTooLarge,
        ProblemCodes.BodyTooLarge,
        "Body too large",
        $"The request body is larger than the limit of {maxBytes} bytes. Send a smaller document.");
}
