namespace Dovetail.Api.Json;

/// <summary>
/// Why a request body was rejected.
/// </summary>
/// <param name="Status">The HTTP status code of the error response.</param>
/// <param name="Code">The stable problem code, one of <see cref="Problems.ProblemCodes"/>.</param>
/// <param name="Detail">A sentence that says what is wrong and how to fix it.</param>
/// <param name="Field">
/// The path of the member (such as <c>place.name</c>) or the header at fault, when there is one.
/// </param>
/// <param name="BytePosition">The zero-based byte offset of a syntax error in the body.</param>
public sealed record JsonBodyError(int Status, string Code, string Title, string Detail, string? Field = null,
    long? BytePosition = null);
