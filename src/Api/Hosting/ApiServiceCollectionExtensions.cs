using System.Text.Json.Serialization;
using Dovetail.Api.Authentication;
using Dovetail.Api.Json;
using Dovetail.Api.OpenApi;
using Dovetail.Api.Problems;
using Dovetail.Api.Submissions;
using Dovetail.Grains.Health;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Dovetail.Api.Hosting;

/// <summary>
/// Registers the gateway's services: options, problem details, API key authentication, health and OpenAPI.
/// </summary>
public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddDovetailApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ApiOptions>()
            .Bind(configuration.GetSection(ApiOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblems.Customize);
        services.AddExceptionHandler<ApiExceptionHandler>();

        services.AddSingleton(provider => ApiClientRegistry.FromConfiguration(
            configuration,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiClientRegistry).FullName!)));
        services.AddSingleton<ApiKeyTickets>();
        services.AddTransient<ApiKeyAuthenticationHandler>();
        services.AddAuthentication(options =>
        {
            options.DefaultScheme = ApiKeyDefaults.Scheme;
            options.AddScheme<ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, displayName: null);
        });

        // The policy names no scheme: the API key scheme is the only one and the default, so the authentication
        // middleware has already set the user. A policy that named it would authenticate every request a second
        // time and build a merged principal.
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireClaim(ApiKeyDefaults.ClientIdClaim)
                .Build());

        services.AddSingleton<JsonBodyReader>();
        services.AddSingleton<SubmissionGrainReferences>();
        services.AddSingleton<FinalDocumentCache>();
        services.AddDovetailHealthChecks(configuration);
        // The web defaults also read numbers from strings, so the OpenAPI document would type every number as
        // "integer or string". Bodies are read by JsonBodyReader, not bound, so only the document changes here.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddDovetailOpenApi();
        return services;
    }
}
