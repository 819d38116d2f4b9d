using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dovetail.Grains.Tests;

/// <summary>
/// Adds every log entry to a queue with the named values of the scopes it was written in. It reads scopes from
/// its logger factory's scope provider, as real providers such as the JSON console do, so each logger factory
/// needs its own instance. Several instances may share one queue.
/// </summary>
public sealed class ScopeRecordingLoggerProvider(ConcurrentQueue<ScopeRecordingLoggerProvider.LogEntry> entries)
    : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private void Add(LogEntry entry) => entries.Enqueue(entry);

    /// <summary>One log entry, with the named scope values in <paramref name="Scopes"/>, innermost last.</summary>
    public sealed record LogEntry(
        string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> Scopes)
    {
        /// <summary>Returns the innermost scope value named <paramref name="name"/>, or null.</summary>
        public object? Scope(string name) => Scopes.LastOrDefault(pair => pair.Key == name).Value;
    }

    private sealed class RecordingLogger(string category, ScopeRecordingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<KeyValuePair<string, object?>>();
            provider._scopes.ForEachScope(
                (scope, list) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        list.AddRange(pairs);
                    }
                },
                scopes);
            provider.Add(new LogEntry(category, logLevel, eventId, formatter(state, exception), scopes));
        }
    }
}
