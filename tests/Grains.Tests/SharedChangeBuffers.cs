using System.Collections.Concurrent;
using Dovetail.Grains.Lake.Buffer;

namespace Dovetail.Grains.Tests;

/// <summary>
/// One change buffer per test cluster, shared by its silos the way silos share a database, so a batching grain that
/// moves to another silo finds what it buffered. Clusters have distinct service ids and so distinct buffers.
/// </summary>
internal static class SharedChangeBuffers
{
    private static readonly ConcurrentDictionary<string, MemoryChangeBuffer> Buffers = new(StringComparer.Ordinal);

    public static MemoryChangeBuffer For(string serviceId) => Buffers.GetOrAdd(serviceId, _ => new MemoryChangeBuffer());
}
