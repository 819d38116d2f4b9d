namespace Dovetail.Demo.Summary;

/// <summary>
/// URLs worth opening after a run. The sample and dashboard URLs are null when there is none.
/// </summary>
internal sealed record DemoLinks(Uri Api, Uri OpenApi, Uri? SampleSubmission, Uri? Dashboard, string? ApiKeyPath)
{
    public static DemoLinks Create(Uri api, string? sampleId, bool dashboardPresent, string? apiKeyPath)
    {
        ArgumentNullException.ThrowIfNull(api);
        return new DemoLinks(
            api,
            new Uri(api, "openapi/v1.json"),
            sampleId is null ? null : new Uri(api, $"v1/submissions/{Uri.EscapeDataString(sampleId)}"),
            dashboardPresent ? new Uri(api, "dashboard") : null,
            apiKeyPath);
    }
}
