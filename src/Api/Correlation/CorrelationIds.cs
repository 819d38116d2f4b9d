namespace Dovetail.Api.Correlation;

/// <summary>
/// Validates, creates and looks up the correlation id of a request.
/// </summary>
public static class CorrelationIds
{
    public const string HeaderName = "X-Correlation-Id";
    public const int MaxLength = 128;

    private static readonly object ItemKey = new();

    /// <summary>Returns true when <paramref name="value"/> is 1 to 128 characters of <c>[A-Za-z0-9._:-]</c>.</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or ':' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>Returns the request's correlation id, creating one if the middleware has not run.</summary>
    public static string Get(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        if (context.Items.TryGetValue(ItemKey, out var value) && value is string id)
        {
            return id;
        }

        id = NewId();
        context.Items[ItemKey] = id;
        return id;
    }

    internal static void Set(HttpContext context, string id) => context.Items[ItemKey] = id;
}
