namespace Dovetail.Benchmarks.Reading;

/// <summary>
/// Sends GET requests to one address from many connections for a fixed time and measures rate and latency.
/// </summary>
internal interface ILoadGenerator
{
    string Name { get; }

    Task<LoadResult> RunAsync(
        Uri address, string apiKey, LoadSettings settings, TimeSpan duration, CancellationToken cancellationToken);
}
