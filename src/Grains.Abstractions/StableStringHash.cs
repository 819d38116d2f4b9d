using System.Text;

namespace Dovetail.Grains.Abstractions;

/// <summary>
/// A string hash that is the same in every process and after restarts, unlike <see cref="string.GetHashCode()"/>,
/// for choosing partitions and workers.
/// </summary>
public static class StableStringHash
{
    /// <summary>Returns the 32-bit FNV-1a hash of the UTF-8 bytes of <paramref name="value"/>.</summary>
    public static uint Fnv1a(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        var hash = 2166136261u;
        foreach (var octet in Encoding.UTF8.GetBytes(value))
        {
            hash = (hash ^ octet) * 16777619u;
        }

        return hash;
    }
}
