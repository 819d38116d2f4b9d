using Dovetail.Api.Correlation;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dovetail.Api.OpenApi;

/// <summary>
/// Documents the headers that middleware handles on every request: the <c>X-Correlation-Id</c> a client may send
/// and every response carries, and the <c>Retry-After</c> of a 503 response.
/// </summary>
internal sealed class CommonHeadersTransformer : IOpenApiOperationTransformer
{
    private const string ServiceUnavailable = "503";

    public Task TransformAsync(
        OpenApiOperation operation,
        OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        operation.AddHeaderParameter(
            CorrelationIds.HeaderName,
            "Identifies the request in logs, traces and the submission's history. Generated when absent.",
            CorrelationIdSchema());

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            concrete.AddHeader(
                CorrelationIds.HeaderName,
                "The correlation id of the request, as sent or generated.",
                CorrelationIdSchema());
            if (status == ServiceUnavailable)
            {
                concrete.AddHeader(
                    "Retry-After",
                    "Seconds to wait before sending the request again.",
                    new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0" });
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema CorrelationIdSchema() => OpenApiExtensions.StringSchema(
        pattern: "^[A-Za-z0-9._:-]+$", minLength: 1, maxLength: CorrelationIds.MaxLength);
}
