using System.Collections;

namespace Dovetail.Grains.Telemetry;

/// <summary>
/// A logging scope of named values. Loggers that read scopes as key-value pairs, such as the JSON console
/// formatter, write each value as its own field, and other loggers show <see cref="ToString"/>.
/// </summary>
public sealed class LogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string SubmissionIdKey = "SubmissionId";
    public const string CorrelationIdKey = "CorrelationId";

    private readonly KeyValuePair<string, object?>[] _values;

    public LogScope(params KeyValuePair<string, object?>[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
    }

    public int Count => _values.Length;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    /// <summary>
    /// Creates the scope of work on one submission. A null <paramref name="correlationId"/> is left out, so logs
    /// never show an empty correlation field.
    /// </summary>
    public static LogScope ForSubmission(string submissionId, string? correlationId) =>
        string.IsNullOrEmpty(correlationId)
            ? new LogScope(new KeyValuePair<string, object?>(SubmissionIdKey, submissionId))
            : new LogScope(
                new KeyValuePair<string, object?>(SubmissionIdKey, submissionId),
                new KeyValuePair<string, object?>(CorrelationIdKey, correlationId));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(", ", _values.Select(pair => $"{pair.Key}:{pair.Value}"));
}
