using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Dovetail.Grains.Lake;

namespace Dovetail.PostgreSql.Tests.Lake;

/// <summary>
/// A real folder lake whose first object write in a cluster fails half way through the object's bytes, as a disk
/// or network failing mid-write would. The failure is shared by the cluster's silos, so exactly one write fails.
/// </summary>
internal sealed class HalfWayFailingLakeStore(ILakeStore inner, string serviceId) : ILakeStore
{
    private static readonly ConcurrentDictionary<string, string> FailedPaths = new(StringComparer.Ordinal);

    public string Location => inner.Location;

    /// <summary>Returns the object path whose write failed in the cluster of <paramref name="serviceId"/>, if any.</summary>
    public static string? FailedPath(string serviceId) => FailedPaths.GetValueOrDefault(serviceId);

    public Task PutAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        var fails = path.StartsWith("changes/", StringComparison.Ordinal) && FailedPaths.TryAdd(serviceId, path);
        return inner.PutAsync(path, fails ? new FailingHalfWayStream(content) : content, cancellationToken);
    }

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken) => inner.OpenReadAsync(path, cancellationToken);

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    public Task DeleteAsync(string path, CancellationToken cancellationToken) => inner.DeleteAsync(path, cancellationToken);

    /// <summary>Reads the first half of the content, then fails.</summary>
    private sealed class FailingHalfWayStream(Stream content) : Stream
    {
        private readonly long _failAt = content.Length / 2;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => content.Length;

        public override long Position
        {
            get => content.Position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (content.Position >= _failAt)
            {
                throw new IOException("The lake write failed half way through the object.");
            }

            return content.Read(buffer, offset, (int)Math.Min(count, _failAt - content.Position));
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (content.Position >= _failAt)
            {
                throw new IOException("The lake write failed half way through the object.");
            }

            return await content.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _failAt - content.Position)], cancellationToken);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
