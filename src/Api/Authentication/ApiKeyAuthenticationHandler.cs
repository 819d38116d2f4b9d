using System.Security.Claims;
using System.Text.Encodings.Web;
using Dovetail.Api.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dovetail.Api.Authentication;

/// <summary>
/// Authenticates a request by the API key in <c>X-Api-Key</c> or <c>Authorization: Bearer</c>.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiClientRegistry registry)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey(Request);
        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var client = registry.FindByKey(key);
        if (client is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not known."));
        }

        var identity = new ClaimsIdentity([new Claim(ApiKeyDefaults.ClientIdClaim, client.Id)], Scheme.Name);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(ticket));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var problem = ApiProblems.Create(
            Context,
            StatusCodes.Status401Unauthorized,
            ProblemCodes.Unauthorized,
            "Unauthorized",
            $"A valid API key is required. Send it in the {ApiKeyDefaults.HeaderName} header or as "
                + "'Authorization: Bearer <key>'.");
        await ProblemWriter.WriteAsync(Context, problem);
    }

    private static string? ReadKey(HttpRequest request)
    {
        var apiKey = request.Headers[ApiKeyDefaults.HeaderName];
        if (apiKey.Count == 1 && !string.IsNullOrEmpty(apiKey[0]))
        {
            return apiKey[0];
        }

        var authorization = request.Headers.Authorization;
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
