using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Dovetail.Api.Authentication;

/// <summary>
/// One prebuilt authentication result per configured client. A client's principal never changes while the process
/// runs, so building it once spares every request the claim, identity, principal and ticket it would allocate.
/// Nothing in the gateway modifies an authenticated principal, and a cached principal belongs to a single client,
/// so sharing it between that client's requests exposes nothing to another client.
/// </summary>
internal sealed class ApiKeyTickets
{
    private readonly ApiClientRegistry _registry;
    private readonly Dictionary<ApiClient, Task<AuthenticateResult>> _results;

    public ApiKeyTickets(ApiClientRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);

        _registry = registry;
        _results = new Dictionary<ApiClient, Task<AuthenticateResult>>(ReferenceEqualityComparer.Instance);
        foreach (var client in registry.Clients)
        {
            _results[client] = Task.FromResult(AuthenticateResult.Success(CreateTicket(client)));
        }
    }

    /// <summary>Returns the completed result of the client that owns <paramref name="key"/>, or null.</summary>
    public Task<AuthenticateResult>? FindByKey(string key) =>
        _registry.FindByKey(key) is { } client ? _results[client] : null;

    private static AuthenticationTicket CreateTicket(ApiClient client)
    {
        var identity = new ClaimsIdentity([new Claim(ApiKeyDefaults.ClientIdClaim, client.Id)], ApiKeyDefaults.Scheme);
        return new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyDefaults.Scheme);
    }
}
