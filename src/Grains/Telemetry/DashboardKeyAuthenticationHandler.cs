using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dovetail.Grains.Telemetry;

/// <summary>
/// Authenticates a dashboard request on the silo host by a configured key in <c>X-Api-Key</c> or
/// <c>Authorization: Bearer</c>, the same headers the gateway reads.
/// </summary>
// NOTE: this repeats how the gateway's ApiKeyAuthenticationHandler reads and checks a key, because the silo host does
// not reference the API project. Moving the gateway's handler and client registry into a shared library would leave
// one implementation.
internal sealed class DashboardKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    DashboardKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string HeaderName = "X-Api-Key";

    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey();
        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!keys.Contains(key))
        {
            return Task.FromResult(AuthenticateResult.Fail("The key is not known."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "dashboard")], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    private string? ReadKey()
    {
        var apiKey = Request.Headers[HeaderName];
        if (apiKey.Count == 1 && !string.IsNullOrEmpty(apiKey[0]))
        {
            return apiKey[0];
        }

        var authorization = Request.Headers.Authorization;
        if (authorization.Count == 1
            && authorization[0] is { } value
            && value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            && value.Length > BearerPrefix.Length)
        {
            return value[BearerPrefix.Length..].Trim();
        }

        return null;
    }
}
