using System.Text.Json.Nodes;
using Dovetail.Api.OpenApi;
using Dovetail.Grains.Abstractions.Submissions;
using Microsoft.OpenApi;

namespace Dovetail.Api.Submissions;

/// <summary>
/// OpenAPI schemas of the submission bodies. Request bodies are read as raw bytes and the submission document is
/// rendered by the grain, so no .NET type describes them and the schemas are written here by hand.
/// </summary>
internal static class SubmissionSchemas
{
    public const string Request = "SubmissionRequest";
    public const string Place = "Place";
    public const string AdditionalData = "AdditionalData";
    public const string Submission = "Submission";
    public const string Status = "SubmissionStatus";
    public const string Enrichment = "Enrichment";
    public const string MatchedPlace = "MatchedPlace";
    public const string Result = "SubmissionResult";

    /// <summary>Adds the submission schemas to <paramref name="document"/> unless it has them already.</summary>
    public static void AddTo(OpenApiDocument document)
    {
        document.AddComponentOnce<IOpenApiSchema>(Status, new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The submission's status. Completed, failed and expired submissions never change again.",
            Enum = [.. Enum.GetValues<SubmissionStatus>().Select(status => JsonValue.Create(status.ToWireName()))],
        });
        document.AddComponentOnce<IOpenApiSchema>(Place, PlaceSchema());
        document.AddComponentOnce<IOpenApiSchema>(Request, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A JSON object with the place to look up. Every other member is stored exactly as sent.",
            Required = new HashSet<string> { "place" },
            Properties = new Dictionary<string, IOpenApiSchema> { ["place"] = Reference(document, Place) },
            AdditionalProperties = new OpenApiSchema(),
        });
        document.AddComponentOnce<IOpenApiSchema>(AdditionalData, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Any JSON object with at least one member, stored exactly as sent.",
            MinProperties = 1,
            AdditionalProperties = new OpenApiSchema(),
        });
        document.AddComponentOnce<IOpenApiSchema>(MatchedPlace, MatchedPlaceSchema());
        document.AddComponentOnce<IOpenApiSchema>(Enrichment, EnrichmentSchema(document));
        document.AddComponentOnce<IOpenApiSchema>(Result, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "The final object of a completed submission.",
            Required = new HashSet<string> { "payload", "enrichment", "additionalData" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["payload"] = Reference(document, Request),
                ["enrichment"] = Reference(document, Enrichment),
                ["additionalData"] = Reference(document, AdditionalData),
            },
        });
        document.AddComponentOnce<IOpenApiSchema>(Submission, SubmissionSchema(document));
    }

    /// <summary>
    /// Replaces the plain string that the generator made of the <c>status</c> of the response records with the
    /// <see cref="Status"/> enumeration, because the records carry the status as its wire name.
    /// </summary>
    public static void LinkStatusProperties(OpenApiDocument document)
    {
        AddTo(document);
        foreach (var record in new[] { nameof(SubmissionAccepted), nameof(SubmissionEvent) })
        {
            if (document.FindSchema(record) is { Properties: { } properties }
                && properties.ContainsKey("status"))
            {
                properties["status"] = Reference(document, Status);
            }
        }
    }

    public static OpenApiSchemaReference Reference(OpenApiDocument document, string id) => new(id, document);

    private static OpenApiSchema PlaceSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "name", "country" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["name"] = Text(
                $"The place name, 1 to {PlaceValidator.MaxNameLength} characters after trimming white space, with at "
                    + "least one visible character.",
                minLength: 1,
                maxLength: PlaceValidator.MaxNameLength),
            ["country"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "An assigned ISO 3166-1 alpha-2 country code in either case, or XK for Kosovo.",
                Pattern = "^[A-Za-z]{2}$",
            },
            ["admin1"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String | JsonSchemaType.Null,
                Description = "The first-level administrative code, which narrows names shared by several places.",
                MinLength = 1,
                MaxLength = PlaceValidator.MaxAdmin1Length,
            },
        },
    };

    private static OpenApiSchema MatchedPlaceSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "name", "country", "admin1", "admin2", "latitude", "longitude" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["name"] = Text("The gazetteer's name of the place."),
            ["country"] = Text("The ISO 3166-1 alpha-2 country code."),
            ["admin1"] = NullableText("The first-level administrative code."),
            ["admin2"] = NullableText("The second-level administrative code."),
            ["latitude"] = new OpenApiSchema { Type = JsonSchemaType.Number },
            ["longitude"] = new OpenApiSchema { Type = JsonSchemaType.Number },
        },
    };

    private static OpenApiSchema EnrichmentSchema(OpenApiDocument document) => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "outcome", "fromCache", "attempts", "completedAt" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["outcome"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [JsonValue.Create("matched"), JsonValue.Create("no-match")],
            },
            ["place"] = Reference(document, MatchedPlace),
            ["candidates"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Description = "How many places matched name and country before one was picked; present when matched.",
            },
            ["fromCache"] = new OpenApiSchema { Type = JsonSchemaType.Boolean },
            ["attempts"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Description = "External calls made for the lookup, retries included; 0 when served from cache.",
            },
            ["completedAt"] = DateTime(),
        },
    };

    private static OpenApiSchema SubmissionSchema(OpenApiDocument document) => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string>
        {
            "id", "status", "version", "correlationId", "createdAt", "updatedAt", "additionalDataDeadline",
        },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["id"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
            ["status"] = Reference(document, Status),
            ["version"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Description = "Counts committed transitions, starting at 1.",
            },
            ["correlationId"] = Text("The correlation id of the request that created the submission."),
            ["createdAt"] = DateTime(),
            ["updatedAt"] = DateTime(),
            ["additionalDataDeadline"] = DateTime(),
            ["failureReason"] = Text("Why the lookup gave up; present when the status is failed."),
            ["enrichment"] = Reference(document, Enrichment),
            ["result"] = Reference(document, Result),
        },
    };

    private static OpenApiSchema Text(string description, int? minLength = null, int? maxLength = null) => new()
    {
        Type = JsonSchemaType.String,
        Description = description,
        MinLength = minLength,
        MaxLength = maxLength,
    };

    private static OpenApiSchema NullableText(string description) => new()
    {
        Type = JsonSchemaType.String | JsonSchemaType.Null,
        Description = description,
    };

    private static OpenApiSchema DateTime() => new() { Type = JsonSchemaType.String, Format = "date-time" };
}
