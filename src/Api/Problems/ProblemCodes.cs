namespace Dovetail.Api.Problems;

/// <summary>
/// The stable error codes of the API. Clients match on these, so a published code never changes meaning.
/// </summary>
public static class ProblemCodes
{
    public const string InvalidJson = "invalid_json";
    public const string BodyNotObject = "body_not_object";
    public const string DuplicateProperty = "duplicate_property";
    public const string NumberOutOfRange = "number_out_of_range";
    public const string InvalidString = "invalid_string";
    public const string NestingTooDeep = "nesting_too_deep";
    public const string ValidationFailed = "validation_failed";
    public const string BodyTooLarge = "body_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string InvalidHeader = "invalid_header";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string AdditionalDataConflict = "additional_data_conflict";
    public const string SubmissionExpired = "submission_expired";
    public const string SubmissionFailed = "submission_failed";
    public const string SubmissionNotFound = "submission_not_found";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string BadRequest = "bad_request";
    public const string ServiceUnavailable = "service_unavailable";
    public const string InternalError = "internal_error";
}
