using System.Text.Json.Nodes;
using Dovetail.Api.OpenApi;
using Dovetail.Grains.Abstractions.Idempotency;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dovetail.Api.Submissions;

public static partial class SubmissionsApi
{
    private const string ETagDescription = "The submission's version as a strong entity tag.";
    private const string CacheControlDescription =
        "private, no-cache: only the client's own cache may keep the response, and it must revalidate.";

    /// <summary>Documents the request body, the Idempotency-Key header and the headers of the 202 response.</summary>
    private static Task DescribeCreate(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = Document(context);
        operation.SetJsonRequestBody(
            SubmissionSchemas.Reference(document, SubmissionSchemas.Request),
            "The first half of a submission: a place to look up and any other members.");
        operation.AddHeaderParameter(
            IdempotencyKeyHeader.HeaderName,
            "Makes retries safe: the same key with the same body returns the original submission. Scoped to the "
                + $"client, 1 to {IdempotencyKeys.MaxLength} visible ASCII characters. A UUID is a good choice.",
            OpenApiExtensions.StringSchema("^[!-~]+$", 1, IdempotencyKeys.MaxLength));
        operation.AddResponseHeader(
            StatusCodes.Status202Accepted,
            "Location",
            "The path of the new submission.",
            new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" });
        operation.AddResponseHeader(
            StatusCodes.Status202Accepted,
            IdempotencyKeyHeader.ReplayedHeaderName,
            "Sent only when the response replays an earlier request with the same Idempotency-Key and body.",
            new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("true")] });
        return Task.CompletedTask;
    }

    /// <summary>Documents the request body and the submission document of the 200 and 202 responses.</summary>
    private static Task DescribeAddData(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = Document(context);
        operation.SetJsonRequestBody(
            SubmissionSchemas.Reference(document, SubmissionSchemas.AdditionalData),
            "The second half of a submission: any JSON object with at least one member.");
        foreach (var status in new[] { StatusCodes.Status200OK, StatusCodes.Status202Accepted })
        {
            operation.SetJsonResponseBody(status, SubmissionSchemas.Reference(document, SubmissionSchemas.Submission));
            operation.AddResponseHeader(status, "ETag", ETagDescription, OpenApiExtensions.StringSchema());
        }

        return Task.CompletedTask;
    }

    /// <summary>Documents conditional reads: If-None-Match, ETag, Cache-Control and the submission document.</summary>
    private static Task DescribeGet(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = Document(context);
        operation.AddHeaderParameter(
            "If-None-Match",
            "Entity tags from earlier responses. When one matches the current version, the response is 304 without "
                + "a body.",
            OpenApiExtensions.StringSchema());
        operation.SetJsonResponseBody(
            StatusCodes.Status200OK, SubmissionSchemas.Reference(document, SubmissionSchemas.Submission));
        foreach (var status in new[] { StatusCodes.Status200OK, StatusCodes.Status304NotModified })
        {
            operation.AddResponseHeader(status, "ETag", ETagDescription, OpenApiExtensions.StringSchema());
            operation.AddResponseHeader(
                status, "Cache-Control", CacheControlDescription, OpenApiExtensions.StringSchema());
        }

        return Task.CompletedTask;
    }

    private static Task DescribeEvents(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.AddResponseHeader(
            StatusCodes.Status200OK, "Cache-Control", CacheControlDescription, OpenApiExtensions.StringSchema());
        return Task.CompletedTask;
    }

    private static OpenApiDocument Document(OpenApiOperationTransformerContext context)
    {
        var document = context.Document
            ?? throw new InvalidOperationException(
                "The OpenAPI generator passed no document to the operation transformer.");
        SubmissionSchemas.AddTo(document);
        return document;
    }
}
