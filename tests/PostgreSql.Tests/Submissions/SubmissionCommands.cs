using System.Security.Cryptography;
using System.Text;
using Dovetail.Grains.Abstractions.Idempotency;
using Dovetail.Grains.Abstractions.Lookup;
using Dovetail.Grains.Abstractions.Submissions;

namespace Dovetail.PostgreSql.Tests.Submissions;

/// <summary>Builds grain commands the way the API does, so the tests send what real requests send.</summary>
internal static class SubmissionCommands
{
    public const string ClientId = "postgres-test-client";

    public static CreateSubmissionCommand Create(string name, string country, string? key = null)
    {
        var json = $$"""{"place":{"name":"{{name}}","country":"{{country}}"},"order":12345678901234567890123}""";
        return new CreateSubmissionCommand(
            ClientId, json, Fingerprint(json), new PlaceQuery(name, country, null), NewCorrelationId(), null, key);
    }

    public static AddDataCommand AddData(string json) => new(ClientId, json, Fingerprint(json), NewCorrelationId());

    public static string NewId() => IdempotencyKeys.NewSubmissionId();

    private static string NewCorrelationId() => Guid.NewGuid().ToString("N");

    private static string Fingerprint(string json) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
