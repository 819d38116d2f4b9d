using Dovetail.Grains.Abstractions.Idempotency;
using Microsoft.Extensions.Primitives;

namespace Dovetail.Api.Submissions;

/// <summary>
/// Reads the <c>Idempotency-Key</c> request header.
/// </summary>
public static class IdempotencyKeyHeader
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    /// <summary>
    /// Returns false when the header is sent more than once or its value is not 1 to
    /// <see cref="IdempotencyKeys.MaxLength"/> visible ASCII characters (0x21 to 0x7E); <paramref name="key"/>
    /// is null when the header is absent.
    /// </summary>
    public static bool TryRead(StringValues values, out string? key)
    {
        key = null;
        if (values.Count == 0)
        {
            return true;
        }

        if (values.Count > 1 || values[0] is not { Length: > 0 and <= IdempotencyKeys.MaxLength } value)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        key = value;
        return true;
    }
}
