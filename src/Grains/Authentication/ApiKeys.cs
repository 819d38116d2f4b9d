using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Dovetail.Grains.Authentication;

/// <summary>
/// Reads an API key from a request and matches it against SHA-256 key hashes. The gateway and the silo host's
/// dashboard both authenticate with these, so a key works the same way on both.
/// </summary>
public static class ApiKeys
{
    public const string HeaderName = "X-Api-Key";

    private const string BearerPrefix = "Bearer ";

    // Keys of usual length are encoded on the stack, so a lookup allocates nothing per request.
    private const int StackKeyBytes = 256;

    /// <summary>Returns the key sent in <c>X-Api-Key</c>, or else as <c>Authorization: Bearer</c>, or null.</summary>
    public static string? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var apiKey = request.Headers[HeaderName];
        if (apiKey.Count == 1 && !string.IsNullOrEmpty(apiKey[0]))
        {
            return apiKey[0];
        }

        var authorization = request.Headers.Authorization;
        if (authorization.Count == 1
            && authorization[0] is { } value
            && value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            && value.Length > BearerPrefix.Length)
        {
            return value[BearerPrefix.Length..].Trim();
        }

        return null;
    }

    /// <summary>
    /// Returns the index of the first hash in <paramref name="keyHashes"/> that is the SHA-256 of
    /// <paramref name="key"/>, or -1. Every hash is compared in constant time, so the time taken does not reveal
    /// which hash or how many bytes matched.
    /// </summary>
    public static int IndexOf(string key, IReadOnlyList<byte[]> keyHashes)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(keyHashes);

        var maxBytes = Encoding.UTF8.GetMaxByteCount(key.Length);
        var keyBytes = maxBytes <= StackKeyBytes ? stackalloc byte[StackKeyBytes] : new byte[maxBytes];
        var keyLength = Encoding.UTF8.GetBytes(key, keyBytes);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(keyBytes[..keyLength], hash);
        var found = -1;
        for (var index = 0; index < keyHashes.Count; index++)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, keyHashes[index]) && found < 0)
            {
                found = index;
            }
        }

        return found;
    }
}
