using Dovetail.Api.OpenApi;
using Microsoft.OpenApi;

namespace Dovetail.Api.Problems;

/// <summary>
/// Adds the members that <see cref="ApiProblems"/> writes beside the RFC 9457 ones to the generated
/// <c>ProblemDetails</c> schema, so clients can read the stable code without guessing.
/// </summary>
internal static class ProblemSchema
{
    public const string ComponentName = "ProblemDetails";

    public static void AddExtensionMembers(OpenApiDocument document)
    {
        if (document.FindSchema(ComponentName) is not { } schema)
        {
            return;
        }

        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties[ApiProblems.CodeKey] = Text(
            "The stable error code, such as validation_failed. A published code never changes meaning.");
        schema.Properties[ApiProblems.FieldKey] = Text(
            "The path of the body member (such as place.name or items[2]) or the header at fault, when there is one.");
        schema.Properties[ApiProblems.CorrelationIdKey] = Text("The correlation id of the request.");
        schema.Properties["bytePosition"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Description = "The zero-based byte offset of a JSON syntax error in the request body.",
        };
        schema.Required ??= new HashSet<string>();
        schema.Required.Add(ApiProblems.CodeKey);
        schema.Required.Add(ApiProblems.CorrelationIdKey);

        // Problems written by the framework also carry traceId, and a later version may add members.
        schema.AdditionalProperties = new OpenApiSchema();
    }

    private static OpenApiSchema Text(string description) =>
        new() { Type = JsonSchemaType.String, Description = description };
}
