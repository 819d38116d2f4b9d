namespace Dovetail.Api.Authentication;

/// <summary>
/// A configured API client: its id and the SHA-256 hash of its key.
/// </summary>
public sealed record ApiClient(string Id, byte[] KeyHash);
