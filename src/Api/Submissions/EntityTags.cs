using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Dovetail.Api.Submissions;

/// <summary>
/// Evaluates <c>If-None-Match</c> as RFC 9110, section 13.1.2 defines it.
/// </summary>
public static class EntityTags
{
    /// <summary>
    /// Returns true when <paramref name="ifNoneMatch"/> is <c>*</c> or lists a tag that matches
    /// <paramref name="currentTag"/> by weak comparison (the <c>W/</c> prefix is ignored).
    /// </summary>
    public static bool IfNoneMatchMatches(StringValues ifNoneMatch, string currentTag) =>
        !StringValues.IsNullOrEmpty(ifNoneMatch) && IfNoneMatchMatches(ifNoneMatch, new EntityTagHeaderValue(currentTag));

    /// <summary>The same test against a tag that is already parsed, as cached documents keep it.</summary>
    public static bool IfNoneMatchMatches(StringValues ifNoneMatch, EntityTagHeaderValue current)
    {
        ArgumentNullException.ThrowIfNull(current);

        if (StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            return false;
        }

        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        foreach (var tag in tags)
        {
            if (tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false))
            {
                return true;
            }
        }

        return false;
    }
}
