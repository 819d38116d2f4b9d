using System.Net.Http.Json;
using System.Text.Json;
using Dovetail.Demo.Stats;

namespace Dovetail.Demo.Hosting;

/// <summary>
/// Calls the gazetteer stand-in's admin endpoints: fault settings and call counters.
/// </summary>
internal sealed class GazetteerAdminClient(HttpClient http, Uri baseAddress)
{
    public Uri StatsUrl { get; } = new(baseAddress, "admin/stats");

    public async Task SetFaultsAsync(DemoFaults faults, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsJsonAsync(new Uri(baseAddress, "admin/faults"), faults, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new DemoSetupException(
                $"Setting faults on the gazetteer stand-in failed with HTTP {(int)response.StatusCode}: {body}");
        }
    }

    public async Task<GazetteerCounters> GetCountersAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(StatsUrl, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"Reading {StatsUrl} failed with HTTP {(int)response.StatusCode}.");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var root = document.RootElement;
        return new GazetteerCounters(
            ReadCount(root, "requests"), ReadCount(root, "served"), ReadCount(root, "throttled"), ReadCount(root, "failed"));
    }

    private long ReadCount(JsonElement root, string property)
    {
        if (root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty(property, out var value)
            && value.TryGetInt64(out var count))
        {
            return count;
        }

        throw new InvalidOperationException($"The response of {StatsUrl} has no integer field '{property}'.");
    }
}
