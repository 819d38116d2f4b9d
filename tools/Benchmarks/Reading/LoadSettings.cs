namespace Dovetail.Benchmarks.Reading;

/// <summary>
/// How hard and how long each endpoint is loaded; the same settings apply to both endpoints of a comparison.
/// </summary>
internal sealed record LoadSettings(int Connections, int Threads, TimeSpan Duration, TimeSpan WarmUp);
