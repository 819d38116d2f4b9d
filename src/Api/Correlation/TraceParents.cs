namespace Dovetail.Api.Correlation;

/// <summary>
/// Checks W3C Trace Context <c>traceparent</c> values (https://www.w3.org/TR/trace-context/).
/// </summary>
public static class TraceParents
{
    public const string HeaderName = "traceparent";

    /// <summary>
    /// Returns true for <c>version-traceid-parentid-flags</c> in lower-case hex, where the version is not
    /// <c>ff</c>, and neither the trace id nor the parent id is all zeros. Version 00 allows nothing after the
    /// flags; later versions may append fields after a dash.
    /// </summary>
    public static bool IsValid(string? value)
    {
        // 2 + 1 + 32 + 1 + 16 + 1 + 2 characters.
        const int Version00Length = 55;
        if (value is null || value.Length < Version00Length)
        {
            return false;
        }

        if (value[2] != '-' || value[35] != '-' || value[52] != '-')
        {
            return false;
        }

        var version = value.AsSpan(0, 2);
        var traceId = value.AsSpan(3, 32);
        var parentId = value.AsSpan(36, 16);
        var flags = value.AsSpan(53, 2);
        if (!IsLowerHex(version) || !IsLowerHex(traceId) || !IsLowerHex(parentId) || !IsLowerHex(flags))
        {
            return false;
        }

        if (version is "ff" || IsAllZeros(traceId) || IsAllZeros(parentId))
        {
            return false;
        }

        if (version is "00")
        {
            return value.Length == Version00Length;
        }

        return value.Length == Version00Length || value[Version00Length] == '-';
    }

    private static bool IsLowerHex(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllZeros(ReadOnlySpan<char> span) => !span.ContainsAnyExcept('0');
}
