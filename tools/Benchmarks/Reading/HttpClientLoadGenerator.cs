using System.Diagnostics;

namespace Dovetail.Benchmarks.Reading;

/// <summary>
/// The fallback when <c>wrk</c> is not installed: one task per connection sends GET requests in a loop through a
/// shared <see cref="HttpClient"/> in this process. It spends more CPU per request than <c>wrk</c>, and that CPU
/// competes with the server on the same machine, so its figures are lower than wrk's.
/// </summary>
internal sealed class HttpClientLoadGenerator : ILoadGenerator
{
    public string Name => "in-process HttpClient loop";

    public async Task<LoadResult> RunAsync(
        Uri address, string apiKey, LoadSettings settings, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = settings.Connections };
        using var http = new HttpClient(handler);
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);

        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, settings.Connections)
            .Select(_ => RunConnectionAsync(http, address, stopwatch, duration, cancellationToken))
            .ToArray();
        var perConnection = await Task.WhenAll(workers);
        var elapsed = stopwatch.Elapsed;

        var latencies = perConnection.SelectMany(worker => worker.Latencies).Order().ToArray();
        var errors = perConnection.Sum(worker => worker.Errors);
        return new LoadResult(
            Name,
            latencies.Length / elapsed.TotalSeconds,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            latencies.Length,
            errors);
    }

    private static async Task<(List<TimeSpan> Latencies, long Errors)> RunConnectionAsync(
        HttpClient http, Uri address, Stopwatch clock, TimeSpan duration, CancellationToken cancellationToken)
    {
        var latencies = new List<TimeSpan>();
        long errors = 0;
        while (clock.Elapsed < duration)
        {
            var started = clock.Elapsed;
            try
            {
                using var response = await http.GetAsync(address, cancellationToken);
                await response.Content.CopyToAsync(Stream.Null, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    errors++;
                }
            }
            catch (HttpRequestException)
            {
                // Counted like wrk's socket errors; the loop goes on so one broken connection does not end the run.
                errors++;
                continue;
            }

            latencies.Add(clock.Elapsed - started);
        }

        return (latencies, errors);
    }

    private static TimeSpan Percentile(TimeSpan[] sorted, double fraction) =>
        sorted.Length == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
}
