using System.Security.Cryptography;
using System.Text;

namespace Dovetail.Grains.Telemetry;

/// <summary>
/// The SHA-256 hashes of the keys that open the dashboard on the silo host.
/// </summary>
internal sealed class DashboardKeys(IReadOnlyList<byte[]> keyHashes)
{
    /// <summary>
    /// Returns true when <paramref name="key"/> is one of the configured keys. Every hash is compared in constant
    /// time, so the time taken does not reveal which key or how many bytes matched.
    /// </summary>
    public bool Contains(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        var found = false;
        foreach (var keyHash in keyHashes)
        {
            found |= CryptographicOperations.FixedTimeEquals(hash, keyHash);
        }

        return found;
    }
}
