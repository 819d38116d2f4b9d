using System.ComponentModel.DataAnnotations;

namespace Dovetail.Grains.Lake.S3;

/// <summary>
/// Settings of a lake kept in an S3 bucket, bound from the <c>Lake:S3</c> configuration section. The section is
/// used only when <see cref="Bucket"/> is set. Without it the lake stays in the local folder.
/// </summary>
public sealed class S3LakeOptions : IValidatableObject
{
    public const string SectionName = "Lake:S3";

    /// <summary>The name of the bucket that contains the lake. The bucket must already exist.</summary>
    [Required]
    [StringLength(63, MinimumLength = 3)]
    public string Bucket { get; set; } = "";

    /// <summary>
    /// The key prefix under which the lake sits in the bucket, such as <c>dovetail/</c>. A trailing slash is added
    /// when missing, and an empty prefix puts the lake at the root of the bucket.
    /// </summary>
    public string Prefix { get; set; } = "";

    /// <summary>
    /// The endpoint of an S3-compatible store, such as <c>http://127.0.0.1:9000</c>. Empty means AWS S3 in
    /// <see cref="Region"/>.
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The AWS region of the bucket, or the region used to sign requests when <see cref="ServiceUrl"/> is set.</summary>
    [Required]
    public string Region { get; set; } = "us-east-1";

    /// <summary>
    /// Addresses the bucket in the path (<c>https://host/bucket/key</c>) rather than in the host name, as most
    /// S3-compatible stores and emulators require.
    /// </summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>The access key id. Leave it and <see cref="SecretKey"/> empty to use the SDK's default credential chain.</summary>
    public string? AccessKey { get; set; }

    /// <summary>The secret access key that goes with <see cref="AccessKey"/>.</summary>
    public string? SecretKey { get; set; }

    /// <summary>
    /// Sends uploads with the SDK's signed chunk encoding. AWS S3 accepts both forms. An emulator that does not
    /// decode the chunk framing, such as s3rver 3.7.1, needs false, or it stores the framing inside the object.
    /// </summary>
    public bool UseChunkEncoding { get; set; } = true;

    /// <summary>
    /// Calculates request checksums and validates response checksums only when an operation requires them,
    /// rather than on every request. Set it for an S3-compatible store or emulator that mishandles the SDK's
    /// flexible checksums. AWS S3 works with the default false.
    /// </summary>
    public bool ChecksumWhenRequired { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(AccessKey) != string.IsNullOrEmpty(SecretKey))
        {
            yield return new ValidationResult(
                "Lake:S3:AccessKey and Lake:S3:SecretKey must be set together, or both left empty to use the default credential chain.",
                [nameof(AccessKey), nameof(SecretKey)]);
        }

        if (!string.IsNullOrEmpty(ServiceUrl)
            && !(Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult(
                $"Lake:S3:ServiceUrl '{ServiceUrl}' is invalid: it must be an absolute http or https URL, or empty for AWS S3.",
                [nameof(ServiceUrl)]);
        }

        if (Prefix.StartsWith('/'))
        {
            yield return new ValidationResult(
                $"Lake:S3:Prefix '{Prefix}' is invalid: a key prefix must not start with '/'.", [nameof(Prefix)]);
        }
    }
}
