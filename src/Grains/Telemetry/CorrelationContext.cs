namespace Dovetail.Grains.Telemetry;

/// <summary>
/// The correlation id of the request being served, carried in Orleans <see cref="RequestContext"/> so that it
/// travels with every grain call the request makes. The gateway sets it once per HTTP request.
/// </summary>
public static class CorrelationContext
{
    /// <summary>The <see cref="RequestContext"/> key of the correlation id.</summary>
    public const string Key = "dovetail.correlation-id";

    /// <summary>The correlation id in the current request context, or null when none was set.</summary>
    public static string? Current => RequestContext.Get(Key) as string;

    /// <summary>
    /// Sets the correlation id for the calls that follow in this asynchronous flow, or removes it when
    /// <paramref name="correlationId"/> is null or empty, and restores the previous value when the returned object
    /// is disposed.
    /// </summary>
    public static IDisposable Begin(string? correlationId)
    {
        var previous = Current;
        Apply(correlationId);
        return new Restore(previous);
    }

    private static void Apply(string? correlationId)
    {
        if (string.IsNullOrEmpty(correlationId))
        {
            RequestContext.Remove(Key);
        }
        else
        {
            RequestContext.Set(Key, correlationId);
        }
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Apply(previous);
    }
}
