using System.Net;
using System.Text.Json;

namespace Dovetail.Demo.Running;

/// <summary>
/// The parts of an API response the demo reads, with the time the call took including retries.
/// </summary>
/// <param name="Status">HTTP status code of the last attempt.</param>
/// <param name="Body">JSON body, or null when the response had none.</param>
/// <param name="Location">The Location header, when present.</param>
/// <param name="Elapsed">Time from the first attempt's start to the last attempt's end.</param>
/// <param name="RetryReasons">Why each earlier attempt was retried; empty when the first attempt was used.</param>
internal sealed record ApiResponse(
    HttpStatusCode Status,
    JsonElement? Body,
    Uri? Location,
    TimeSpan Elapsed,
    IReadOnlyList<string> RetryReasons)
{
    /// <summary>The problem details <c>code</c> field, or null when the body has none.</summary>
    public string? ProblemCode => GetString("code");

    public string? GetString(string property)
    {
        if (Body is { ValueKind: JsonValueKind.Object } body
            && body.TryGetProperty(property, out var value)
            && value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        return null;
    }

    /// <summary>Describes the status and, for problem responses, the code, for error messages.</summary>
    public string Describe()
    {
        var code = ProblemCode;
        return code is null ? $"HTTP {(int)Status}" : $"HTTP {(int)Status} ({code})";
    }
}
