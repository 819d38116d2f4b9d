using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Dovetail.Gazetteer;

/// <summary>
/// Generates filler items of the upstream shape while streaming, so a huge response never sits in memory. Each item
/// is about 100 bytes, so 5,000,000 items make about 500 MB.
/// </summary>
internal static class SyntheticCities
{
    private const int BatchBytes = 64 * 1024;

    private static readonly byte[] NamePrefix = Encoding.UTF8.GetBytes("{\"name\":\"Synthetic ");

    /// <summary>
    /// Writes <paramref name="count"/> comma-separated items named <c>Synthetic 0000001</c> onwards for
    /// <paramref name="country"/>, with no comma before the first or after the last, and stops early once the
    /// sink is full.
    /// </summary>
    public static async Task WriteAsync(
        ResponseBodySink sink, long count, string country, CancellationToken cancellationToken)
    {
        var suffix = Encoding.UTF8.GetBytes(
            $"\",\"lat\":\"0.00000\",\"lng\":\"0.00000\",\"country\":\"{country}\",\"admin1\":\"\",\"admin2\":\"\"}}");
        var batch = new byte[BatchBytes];
        var maxItemBytes = 1 + NamePrefix.Length + 20 + suffix.Length;
        var used = 0;
        for (long number = 1; number <= count && !sink.IsFull; number++)
        {
            if (used + maxItemBytes > batch.Length)
            {
                await sink.WriteAsync(batch.AsMemory(0, used), cancellationToken);
                used = 0;
            }

            if (number > 1)
            {
                batch[used++] = (byte)',';
            }

            NamePrefix.CopyTo(batch.AsSpan(used));
            used += NamePrefix.Length;
            Utf8Formatter.TryFormat(number, batch.AsSpan(used), out var digits, new StandardFormat('D', 7));
            used += digits;
            suffix.CopyTo(batch.AsSpan(used));
            used += suffix.Length;
        }

        await sink.WriteAsync(batch.AsMemory(0, used), cancellationToken);
    }
}
