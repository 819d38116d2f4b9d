using System.Globalization;
using System.Text;
using System.Text.Json;
using Dovetail.Api.Json;
using Dovetail.Api.Problems;
using Dovetail.Grains.Abstractions.Lookup;

namespace Dovetail.Api.Submissions;

/// <summary>
/// Reads the <c>place</c> object that enrichment needs from a submission body. Every other field is free.
/// </summary>
public static class PlaceValidator
{
    public const int MaxNameLength = 200;
    public const int MaxAdmin1Length = 20;

    /// <summary>
    /// Returns the place query of a body that passed <see cref="JsonSyntaxValidator"/>, or the first field at
    /// fault. The name is trimmed and the country code is converted to upper case.
    /// </summary>
    public static PlaceQuery? Read(JsonElement root, out JsonBodyError? error)
    {
        if (!root.TryGetProperty("place", out var place) || place.ValueKind != JsonValueKind.Object)
        {
            error = Invalid("place", "is missing or not an object",
                "Send \"place\": { \"name\": \"...\", \"country\": \"XX\" }.");
            return null;
        }

        if (!place.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
        {
            error = Invalid("place.name", "is missing or not a string", "Send the place name as a string.");
            return null;
        }

        var name = nameElement.GetString()!.Trim();
        var nameLength = name.EnumerateRunes().Count();
        if (nameLength is 0 or > MaxNameLength)
        {
            error = Invalid("place.name", $"has {nameLength} characters after trimming",
                $"Send 1 to {MaxNameLength} characters.");
            return null;
        }

        if (!HasVisibleCharacter(name))
        {
            error = Invalid(
                "place.name",
                "has only white space, control or invisible formatting characters such as U+200B",
                "Send the name of the place as text, such as \"Berlin\".");
            return null;
        }

        if (!place.TryGetProperty("country", out var countryElement)
            || countryElement.ValueKind != JsonValueKind.String
            || countryElement.GetString() is not { Length: 2 } country
            || !char.IsAsciiLetter(country[0])
            || !char.IsAsciiLetter(country[1]))
        {
            error = Invalid("place.country", "is missing or not a two-letter code",
                "Send the ISO 3166-1 alpha-2 country code, such as \"DE\".");
            return null;
        }

        if (!CountryCodes.IsAssigned(country))
        {
            error = Invalid("place.country", $"is \"{country}\", which is not an assigned ISO 3166-1 alpha-2 code",
                $"Send an assigned code, such as \"DE\", or \"{CountryCodes.Kosovo}\" for Kosovo.");
            return null;
        }

        string? admin1 = null;
        if (place.TryGetProperty("admin1", out var admin1Element) && admin1Element.ValueKind != JsonValueKind.Null)
        {
            admin1 = admin1Element.ValueKind == JsonValueKind.String ? admin1Element.GetString() : null;
            var admin1Length = admin1?.EnumerateRunes().Count() ?? 0;
            if (admin1 is null || admin1Length is 0 or > MaxAdmin1Length)
            {
                error = Invalid("place.admin1", "is not a string of 1 to 20 characters",
                    $"Send the first-level administrative code as 1 to {MaxAdmin1Length} characters, or omit it.");
                return null;
            }
        }

        error = null;
        return new PlaceQuery(name, country.ToUpperInvariant(), admin1);
    }

    /// <summary>
    /// Returns true when <paramref name="name"/> has a character that is neither white space nor a control or
    /// format character. Format characters include the zero-width space, joiners and the byte order mark, which
    /// <see cref="string.Trim()"/> keeps.
    /// </summary>
    private static bool HasVisibleCharacter(string name)
    {
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (!Rune.IsWhiteSpace(rune) && category is not (UnicodeCategory.Control or UnicodeCategory.Format))
            {
                return true;
            }
        }

        return false;
    }

    private static JsonBodyError Invalid(string field, string problem, string fix) => new(
        StatusCodes.Status400BadRequest,
        ProblemCodes.ValidationFailed,
        "Validation failed",
        $"The field {field} {problem}. {fix}",
        field);
}
