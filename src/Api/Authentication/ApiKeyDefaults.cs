using Dovetail.Grains.Authentication;

namespace Dovetail.Api.Authentication;

/// <summary>
/// Names used by API key authentication.
/// </summary>
public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string HeaderName = ApiKeys.HeaderName;

    /// <summary>The claim that contains the authenticated client's id.</summary>
    public const string ClientIdClaim = "dovetail:client_id";

    /// <summary>The id of the client created in local mode when no clients are configured.</summary>
    public const string DevelopmentClientId = "dev";
}
