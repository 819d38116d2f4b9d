using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using Dovetail.Api.Problems;

namespace Dovetail.Api.Json;

/// <summary>
/// Checks that a request body is one JSON object that every consumer will read the same way: no duplicate
/// property names, every number within the range of a double, every string valid Unicode, and nesting within
/// a limit. The body is read forward only and never recursively, so deep nesting cannot exhaust the stack.
/// </summary>
public static class JsonSyntaxValidator
{
    // The four whitespace bytes of RFC 8259, section 2.
    private static readonly SearchValues<byte> JsonWhiteSpace = SearchValues.Create(" \t\n\r"u8);

    /// <summary>Returns the first problem in <paramref name="body"/>, or null when it is acceptable.</summary>
    public static JsonBodyError? Validate(ReadOnlySpan<byte> body, int maxDepth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);

        // The reader throws on a body without any token, which would report a syntax error at byte 0.
        if (IsWhiteSpace(body))
        {
            return InvalidJson("The request body is empty. Send one JSON object.", null);
        }

        // The reader's own limit sits one level above ours, so our check reports the depth error first.
        var reader = new Utf8JsonReader(body, new JsonReaderOptions
        {
            MaxDepth = maxDepth + 1,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });
        var path = new JsonPath();
        try
        {
            // A body that is not only whitespace has a first token, or the reader throws.
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return new JsonBodyError(
                    StatusCodes.Status400BadRequest,
                    ProblemCodes.BodyNotObject,
                    "Body is not an object",
                    $"The request body must be a JSON object, but it starts with {Describe(reader.TokenType)}.");
            }

            path.PushObject();
            while (reader.Read())
            {
                var error = Check(ref reader, path, maxDepth);
                if (error is not null)
                {
                    return error;
                }
            }

            return null;
        }
        catch (JsonException exception)
        {
            var position = AbsolutePosition(body, exception.LineNumber, exception.BytePositionInLine);
            return InvalidJson(
                $"The request body is not valid JSON: the error is at byte {position} (counted from 0). "
                    + "Send one JSON object encoded as UTF-8, without comments or trailing commas.",
                position);
        }
    }

    private static JsonBodyError? Check(ref Utf8JsonReader reader, JsonPath path, int maxDepth)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                path.ResetProperty();
                if (!TryGetValidString(ref reader, out var name))
                {
                    var objectField = FieldOf(path);
                    var where = objectField is null ? "the top-level object" : $"the object at {objectField}";
                    return InvalidString(objectField, $"A property name in {where}");
                }

                if (!path.TryEnterProperty(name))
                {
                    var field = path.ToString();
                    return new JsonBodyError(
                        StatusCodes.Status400BadRequest,
                        ProblemCodes.DuplicateProperty,
                        "Duplicate property",
                        $"The property {field} appears more than once in its object. Send each name once.",
                        field);
                }

                return null;

            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                path.BeginValue();
                if (path.Depth + 1 > maxDepth)
                {
                    var field = path.ToString();
                    return new JsonBodyError(
                        StatusCodes.Status400BadRequest,
                        ProblemCodes.NestingTooDeep,
                        "Nesting too deep",
                        $"The value at {field} nests objects and arrays more than {maxDepth} levels deep. "
                            + "Flatten the document.",
                        field);
                }

                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    path.PushObject();
                }
                else
                {
                    path.PushArray();
                }

                return null;

            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                path.Pop();
                return null;

            case JsonTokenType.String:
                path.BeginValue();
                if (TryGetValidString(ref reader, out _))
                {
                    return null;
                }

                var stringField = path.ToString();
                return InvalidString(stringField, $"The string at {stringField}");

            case JsonTokenType.Number:
                path.BeginValue();
                if (reader.TryGetDouble(out var number) && double.IsFinite(number))
                {
                    return null;
                }

                var numberField = path.ToString();
                return new JsonBodyError(
                    StatusCodes.Status400BadRequest,
                    ProblemCodes.NumberOutOfRange,
                    "Number out of range",
                    $"The number at {numberField} is outside the range of a 64-bit floating-point number "
                        + "(about ±1.8e308). Send it as a string if it must be kept.",
                    numberField);

            default:
                path.BeginValue();
                return null;
        }
    }

    /// <summary>
    /// Reads a string token, rejecting invalid UTF-8 and escapes that form a lone UTF-16 surrogate such as
    /// <c>"\ud800"</c>, which many consumers cannot store or re-encode.
    /// </summary>
    private static bool TryGetValidString(ref Utf8JsonReader reader, out string value)
    {
        value = string.Empty;
        if (!reader.ValueIsEscaped && !Utf8.IsValid(reader.ValueSpan))
        {
            return false;
        }

        try
        {
            value = reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            // GetString throws this for invalid UTF-8 and for escapes that are not valid UTF-16.
            return false;
        }

        return !HasLoneSurrogate(value);
    }

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the path, or null at the top-level object, which has no name.</summary>
    private static string? FieldOf(JsonPath path)
    {
        var field = path.ToString();
        return field.Length > 0 ? field : null;
    }

    private static bool IsWhiteSpace(ReadOnlySpan<byte> body) => body.IndexOfAnyExcept(JsonWhiteSpace) < 0;

    private static JsonBodyError InvalidString(string? field, string subject) => new(
        StatusCodes.Status400BadRequest,
        ProblemCodes.InvalidString,
        "Invalid string",
        $"{subject} is not valid Unicode: it has invalid UTF-8 or a \\u escape of a lone surrogate. "
            + "Escape characters outside the Basic Multilingual Plane as a surrogate pair.",
        field);

    private static JsonBodyError InvalidJson(string detail, long? position) => new(
        StatusCodes.Status400BadRequest,
        ProblemCodes.InvalidJson,
        "Invalid JSON",
        detail,
        BytePosition: position);

    /// <summary>Converts the reader's line and in-line position to an offset from the start of the body.</summary>
    private static long AbsolutePosition(ReadOnlySpan<byte> body, long? lineNumber, long? bytePositionInLine)
    {
        var lineStart = 0;
        for (long line = 0; line < (lineNumber ?? 0); line++)
        {
            var next = body[lineStart..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            lineStart += next + 1;
        }

        return lineStart + (bytePositionInLine ?? 0);
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "a value that is not an object",
    };
}
