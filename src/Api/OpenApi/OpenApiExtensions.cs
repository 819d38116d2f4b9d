using System.Globalization;
using Microsoft.OpenApi;

namespace Dovetail.Api.OpenApi;

/// <summary>
/// Adds to an OpenAPI document what endpoint metadata cannot express: components written by hand, headers, and
/// request and response bodies whose shape no .NET type describes.
/// </summary>
internal static class OpenApiExtensions
{
    public const string JsonContentType = "application/json";

    /// <summary>
    /// Adds a component unless the document already has one of that type with <paramref name="id"/>, so that every
    /// operation that needs it can add it.
    /// </summary>
    public static void AddComponentOnce<T>(this OpenApiDocument document, string id, T component)
        where T : class
    {
        var existing = component switch
        {
            IOpenApiSchema => document.Components?.Schemas?.ContainsKey(id),
            IOpenApiSecurityScheme => document.Components?.SecuritySchemes?.ContainsKey(id),
            _ => throw new ArgumentException(
                $"Components of type {typeof(T).Name} are not supported.", nameof(component)),
        };
        if (existing != true)
        {
            document.AddComponent(id, component);
        }
    }

    /// <summary>Returns the schema component with <paramref name="id"/>, or null when the document has none.</summary>
    public static OpenApiSchema? FindSchema(this OpenApiDocument document, string id) =>
        document.Components?.Schemas is { } schemas && schemas.TryGetValue(id, out var schema)
            ? schema as OpenApiSchema
            : null;

    public static void AddHeaderParameter(
        this OpenApiOperation operation, string name, string description, IOpenApiSchema schema)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = false,
            Description = description,
            Schema = schema,
        });
    }

    public static void SetJsonRequestBody(this OpenApiOperation operation, IOpenApiSchema schema, string description)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [JsonContentType] = new() { Schema = schema },
            },
        };
    }

    /// <summary>Replaces the body of the response with <paramref name="statusCode"/> by a JSON body.</summary>
    public static void SetJsonResponseBody(this OpenApiOperation operation, int statusCode, IOpenApiSchema schema)
    {
        var response = operation.GetResponse(statusCode);
        response.Content = new Dictionary<string, OpenApiMediaType>
        {
            [JsonContentType] = new() { Schema = schema },
        };
    }

    public static void AddResponseHeader(
        this OpenApiOperation operation, int statusCode, string name, string description, IOpenApiSchema schema) =>
        operation.GetResponse(statusCode).AddHeader(name, description, schema);

    public static void AddHeader(this OpenApiResponse response, string name, string description, IOpenApiSchema schema)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = new OpenApiHeader { Description = description, Schema = schema };
    }

    /// <summary>
    /// Returns the declared response with <paramref name="statusCode"/>. Every status an endpoint returns is declared
    /// with <c>Produces</c>, so a missing one is a mistake in the endpoint's mapping.
    /// </summary>
    public static OpenApiResponse GetResponse(this OpenApiOperation operation, int statusCode)
    {
        var key = statusCode.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses?.TryGetValue(key, out var response) == true && response is OpenApiResponse concrete)
        {
            return concrete;
        }

        throw new InvalidOperationException(
            $"The operation {operation.OperationId} declares no {key} response. Declare it with Produces.");
    }

    public static OpenApiSchema StringSchema(string? pattern = null, int? minLength = null, int? maxLength = null) =>
        new()
        {
            Type = JsonSchemaType.String,
            Pattern = pattern,
            MinLength = minLength,
            MaxLength = maxLength,
        };
}
