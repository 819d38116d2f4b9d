using Dovetail.Grains.Authentication;

namespace Dovetail.Grains.Telemetry;

/// <summary>
/// The SHA-256 hashes of the keys that open the dashboard on the silo host.
/// </summary>
internal sealed class DashboardKeys(IReadOnlyList<byte[]> keyHashes)
{
    /// <summary>Returns true when <paramref name="key"/> is one of the configured keys, compared in constant time.</summary>
    public bool Contains(string key) => ApiKeys.IndexOf(key, keyHashes) >= 0;
}
