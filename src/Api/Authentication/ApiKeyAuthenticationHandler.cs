using Dovetail.Api.Problems;
using Dovetail.Grains.Authentication;
using Microsoft.AspNetCore.Authentication;

namespace Dovetail.Api.Authentication;

/// <summary>
/// Authenticates a request by the API key in <c>X-Api-Key</c> or <c>Authorization: Bearer</c>.
/// </summary>
/// <remarks>
/// The handler implements <see cref="IAuthenticationHandler"/> directly rather than deriving from
/// <see cref="AuthenticationHandler{TOptions}"/>: it has no options, events or forwarding, and the base class costs
/// a logger and an options lookup on every request. A known key returns the client's prebuilt result from
/// <see cref="ApiKeyTickets"/>, so a request allocates no claims.
/// </remarks>
internal sealed class ApiKeyAuthenticationHandler(ApiKeyTickets tickets) : IAuthenticationHandler
{
    private static readonly Task<AuthenticateResult> NoKey = Task.FromResult(AuthenticateResult.NoResult());
    private static readonly Task<AuthenticateResult> UnknownKey =
        Task.FromResult(AuthenticateResult.Fail("The API key is not known."));

    private HttpContext? _context;

    public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        return Task.CompletedTask;
    }

    public Task<AuthenticateResult> AuthenticateAsync()
    {
        var key = ApiKeys.Read(Context.Request);
        if (key is null)
        {
            return NoKey;
        }

        return tickets.FindByKey(key) ?? UnknownKey;
    }

    public async Task ChallengeAsync(AuthenticationProperties? properties)
    {
        var context = Context;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        var problem = ApiProblems.Create(
            context,
            StatusCodes.Status401Unauthorized,
            ProblemCodes.Unauthorized,
            "Unauthorized",
            $"A valid API key is required. Send it in the {ApiKeyDefaults.HeaderName} header or as "
                + "'Authorization: Bearer <key>'.");
        await ProblemWriter.WriteAsync(context, problem);
    }

    /// <summary>Sets 403 and lets the status code pages write the problem document.</summary>
    public Task ForbidAsync(AuthenticationProperties? properties)
    {
        Context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    private HttpContext Context =>
        _context ?? throw new InvalidOperationException("The handler is used before it was initialized.");
}
