using System.Net;

namespace Dovetail.Benchmarks.Hosting;

/// <summary>
/// Waits until a child process returns 200 to an HTTP GET, polling at a fixed interval up to a deadline.
/// </summary>
internal static class ReadinessProbe
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <exception cref="BenchmarkSetupException">The process exited or did not return 200 before the deadline.</exception>
    public static async Task WaitAsync(
        HttpClient http, ChildProcess process, Uri address, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        HttpStatusCode? lastStatus = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new BenchmarkSetupException(
                    $"The {process.Name} process exited before it was ready; see its log at {process.LogPath}.");
            }

            try
            {
                using var response = await http.GetAsync(address, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                lastStatus = response.StatusCode;
            }
            catch (HttpRequestException)
            {
                // The process has not opened its port yet, which is expected while it starts.
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        throw new BenchmarkSetupException(
            $"The {process.Name} process did not answer 200 on {address} within {timeout.TotalSeconds} s "
            + $"(last status: {lastStatus?.ToString() ?? "no answer"}); see its log at {process.LogPath}.");
    }
}
