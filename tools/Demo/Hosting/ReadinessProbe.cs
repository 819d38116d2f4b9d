using System.Diagnostics;

namespace Dovetail.Demo.Hosting;

/// <summary>
/// Polls a URL until it returns a success status, the service's process exits, or a time limit passes.
/// </summary>
internal static class ReadinessProbe
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task WaitAsync(
        HttpClient http, Uri url, ServiceProcess service, TimeSpan limit, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var lastFailure = "no answer yet";

        while (stopwatch.Elapsed < limit)
        {
            if (service.HasExited)
            {
                throw new DemoSetupException(
                    $"The {service.Name} exited with code {service.ExitCode} before {url} was ready; see {service.LogPath}.");
            }

            try
            {
                using var response = await http.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                lastFailure = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException exception)
            {
                // Connection refused is expected until the service listens; the last one is reported on timeout.
                lastFailure = exception.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastFailure = $"no answer within {http.Timeout.TotalSeconds} s";
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        throw new DemoSetupException(
            $"The {service.Name} was not ready at {url} within {limit.TotalSeconds} s (last result: {lastFailure}); "
            + $"see {service.LogPath}.");
    }
}
