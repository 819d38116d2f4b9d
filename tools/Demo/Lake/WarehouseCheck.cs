using System.Globalization;
using System.Text.Json;

namespace Dovetail.Demo.Lake;

/// <summary>
/// Loads the run's days into the warehouse through the API host's load endpoint, as an operator would, and waits
/// until the insights dataset shows the last load.
/// </summary>
internal static class WarehouseCheck
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Loads every UTC day from <paramref name="startedAt"/> to now and returns the rows loaded and the insights
    /// dataset's version once it shows the last of those loads.
    /// </summary>
    public static async Task<WarehouseOutcome> LoadAndWaitAsync(
        HttpClient api, DateTimeOffset startedAt, TimeSpan bound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);

        var rows = 0L;
        var day = DateOnly.FromDateTime(startedAt.UtcDateTime);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (; day <= today; day = day.AddDays(1))
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"warehouse/loads/{day:yyyy-MM-dd}?force=true");
            using var response = await api.PostAsync(new Uri(path, UriKind.Relative), null, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException(
                    $"Loading {day:yyyy-MM-dd} into the warehouse answered {(int)response.StatusCode}: {body}");
            }

            using var result = JsonDocument.Parse(body);
            rows += result.RootElement.GetProperty("records").GetInt64();
        }

        var lastDay = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var deadline = DateTimeOffset.UtcNow + bound;
        while (true)
        {
            using var dataset = JsonDocument.Parse(await api.GetStringAsync(new Uri("insights/data", UriKind.Relative), cancellationToken));
            if (dataset.RootElement.GetProperty("lastLoad") is { ValueKind: JsonValueKind.Object } load
                && load.GetProperty("day").GetString() == lastDay)
            {
                return new WarehouseOutcome(rows, dataset.RootElement.GetProperty("version").GetInt32());
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new TimeoutException($"The insights dataset did not show the load of {lastDay} within {bound}.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}

/// <summary>What the demo's warehouse step found.</summary>
/// <param name="Rows">Rows the warehouse stores for the run's days.</param>
/// <param name="InsightsVersion">The insights dataset's version after the last load.</param>
internal sealed record WarehouseOutcome(long Rows, int InsightsVersion);
