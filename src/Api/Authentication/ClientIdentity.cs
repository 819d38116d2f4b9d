using System.Security.Claims;

namespace Dovetail.Api.Authentication;

/// <summary>
/// Reads the authenticated client from a request's user.
/// </summary>
public static class ClientIdentity
{
    /// <summary>Returns the client id of an authenticated request; endpoints that call it require authorization.</summary>
    public static string GetClientId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);

        return user.FindFirstValue(ApiKeyDefaults.ClientIdClaim)
            ?? throw new InvalidOperationException("The request is not authenticated with an API key.");
    }
}
