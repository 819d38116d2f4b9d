using Dovetail.Api.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dovetail.Api.OpenApi;

/// <summary>
/// Declares the two ways to send an API key, the <c>X-Api-Key</c> header and a bearer token, and requires one of
/// them on every operation whose endpoint requires authorization.
/// </summary>
internal sealed class ApiKeySecurityTransformer : IOpenApiOperationTransformer
{
    public const string HeaderSchemeName = "ApiKey";
    public const string BearerSchemeName = "Bearer";

    public Task TransformAsync(
        OpenApiOperation operation,
        OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document;
        if (document is null || !metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        AddSchemes(document);

        // Each requirement on its own is enough, so a client sends the key in one of the two forms.
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(HeaderSchemeName, document)] = [],
        });
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(BearerSchemeName, document)] = [],
        });
        return Task.CompletedTask;
    }

    private static void AddSchemes(OpenApiDocument document)
    {
        document.AddComponentOnce<IOpenApiSecurityScheme>(HeaderSchemeName, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyDefaults.HeaderName,
            Description = "The client's API key.",
        });
        document.AddComponentOnce<IOpenApiSecurityScheme>(BearerSchemeName, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The client's API key as a bearer token: Authorization: Bearer <key>.",
        });
    }
}
