using System.Security.Cryptography;
using System.Text;

namespace Dovetail.Grains.Abstractions.Idempotency;

/// <summary>
/// Derives grain keys and submission ids from a client's idempotency keys.
/// </summary>
public static class IdempotencyKeys
{
    /// <summary>The maximum length of an <c>Idempotency-Key</c> header value.</summary>
    public const int MaxLength = 255;

    /// <summary>Returns the key of the grain that guards <paramref name="key"/> for <paramref name="clientId"/>.</summary>
    public static string GrainKey(string clientId, string key) => $"{clientId}/{key}";

    /// <summary>
    /// Derives the submission id for a key. The generation goes up each time a key is used again after its
    /// retention period, so a reused key gets a new submission while a retry within the period gets the same.
    /// </summary>
    public static string DeriveSubmissionId(string clientId, string key, int generation)
    {
        // A name-based UUID (RFC 9562 version 8 layout) over SHA-256: the same input always gives the same id,
        // and ids of different clients never collide in practice.
        var input = Encoding.UTF8.GetBytes($"{clientId}\n{key}\n{generation}");
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input, hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }

    /// <summary>Creates an id for a submission sent without an idempotency key.</summary>
    public static string NewSubmissionId() => Guid.CreateVersion7().ToString("D");
}
