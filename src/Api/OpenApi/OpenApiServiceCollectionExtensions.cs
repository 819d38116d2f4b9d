using Dovetail.Api.Problems;
using Dovetail.Api.Submissions;

namespace Dovetail.Api.OpenApi;

/// <summary>
/// Registers the OpenAPI document at <c>/openapi/v1.json</c> with what endpoint metadata cannot describe: the API
/// key schemes, the headers, the hand-written body schemas and the members of the problem documents.
/// </summary>
public static class OpenApiServiceCollectionExtensions
{
    // The Orleans Dashboard maps its routes under this prefix in OrleansHostingExtensions. They serve a browser
    // application, not the API, so the document leaves them out.
    private const string DashboardPathPrefix = "dashboard";

    public static IServiceCollection AddDovetailOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description =>
                description.RelativePath?.StartsWith(DashboardPathPrefix, StringComparison.OrdinalIgnoreCase) != true;
            options.AddOperationTransformer<ApiKeySecurityTransformer>();
            options.AddOperationTransformer<CommonHeadersTransformer>();
            options.AddDocumentTransformer((document, _, _) =>
            {
                SubmissionSchemas.LinkStatusProperties(document);
                ProblemSchema.AddExtensionMembers(document);
                return Task.CompletedTask;
            });
        });
}
