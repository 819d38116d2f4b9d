namespace Dovetail.Grains.Lookup;

/// <summary>
/// A read-only stream that counts bytes and reports end of stream once more than a limit was read, so a parser
/// on top of it fails with incomplete JSON and the caller checks <see cref="LimitExceeded"/> to tell why.
/// </summary>
internal sealed class ResponseSizeLimitStream(Stream inner, long maxBytes) : Stream
{
    public long BytesRead { get; private set; }

    public bool LimitExceeded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (LimitExceeded)
        {
            return 0;
        }

        return Count(await inner.ReadAsync(buffer, cancellationToken));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        if (LimitExceeded)
        {
            return 0;
        }

        BytesRead += read;
        if (BytesRead > maxBytes)
        {
            LimitExceeded = true;
            return 0;
        }

        return read;
    }
}
