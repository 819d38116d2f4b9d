using System.Collections;

namespace Dovetail.Api.Correlation;

/// <summary>
/// The logging scope of one request: its correlation id as a single named value. Loggers that read scopes as
/// key-value pairs, such as the JSON console formatter, write it as the <c>CorrelationId</c> field. One small
/// object per request replaces the dictionary a scope would otherwise need.
/// </summary>
internal sealed class CorrelationLogScope(string correlationId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string Key = "CorrelationId";

    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new(Key, correlationId) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{Key}:{correlationId}";
}
