using System.Buffers;
using System.IO.Pipelines;

namespace Dovetail.Gazetteer;

/// <summary>
/// Writes a response body through the pipe in batches and stops at an optional byte limit, which is how the
/// truncation fault cuts a body short while the response still ends normally.
/// </summary>
internal sealed class ResponseBodySink(PipeWriter writer, long? limit)
{
    private const int FlushThreshold = 64 * 1024;

    private long _unflushed;

    public long Written { get; private set; }

    /// <summary>True once the byte limit was reached, so the caller can stop producing output.</summary>
    public bool IsFull => limit is { } max && Written >= max;

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        // Kestrel discards writes after the client went away instead of failing them, so stop generating here.
        cancellationToken.ThrowIfCancellationRequested();
        if (limit is { } max)
        {
            var room = max - Written;
            if (room <= 0)
            {
                return;
            }

            if (data.Length > room)
            {
                data = data[..(int)room];
            }
        }

        writer.Write(data.Span);
        Written += data.Length;
        _unflushed += data.Length;
        if (_unflushed >= FlushThreshold)
        {
            _unflushed = 0;
            await writer.FlushAsync(cancellationToken);
        }
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        _unflushed = 0;
        await writer.FlushAsync(cancellationToken);
    }
}
