using System.Security.Cryptography;
using System.Text;
using Dovetail.Grains.Abstractions.Idempotency;
using Dovetail.Grains.Abstractions.Lookup;
using Dovetail.Grains.Abstractions.Submissions;

namespace Dovetail.Grains.Tests;

/// <summary>
/// Builds commands the way the API does, so grain tests send what real requests send.
/// </summary>
internal static class Submissions
{
    public const string ClientId = "test-client";

    public static CreateSubmissionCommand Create(string name, string country, string? admin1 = null, string? key = null)
    {
        var admin1Member = admin1 is null ? "" : $",\"admin1\":\"{admin1}\"";
        var json = $$$"""{"place":{"name":"{{{name}}}","country":"{{{country}}}"{{{admin1Member}}}},"order":12345678901234567890123}""";
        return new CreateSubmissionCommand(
            ClientId, json, Fingerprint(json), new PlaceQuery(name, country, admin1), NewCorrelationId(), null, key);
    }

    public static AddDataCommand AddData(string json, string clientId = ClientId) =>
        new(clientId, json, Fingerprint(json), NewCorrelationId());

    public static string NewId() => IdempotencyKeys.NewSubmissionId();

    private static string NewCorrelationId() => Guid.NewGuid().ToString("N");

    private static string Fingerprint(string json) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
