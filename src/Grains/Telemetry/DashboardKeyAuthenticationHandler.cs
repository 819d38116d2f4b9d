using System.Security.Claims;
using System.Text.Encodings.Web;
using Dovetail.Grains.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dovetail.Grains.Telemetry;

/// <summary>
/// Authenticates a dashboard request on the silo host by a configured key, read and matched the way the gateway
/// reads and matches its clients' keys.
/// </summary>
internal sealed class DashboardKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    DashboardKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ApiKeys.Read(Request);
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
}
