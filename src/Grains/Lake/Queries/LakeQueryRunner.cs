using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dovetail.Grains.Abstractions.Lake;
using Dovetail.Grains.Telemetry;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dovetail.Grains.Lake.Queries;

/// <summary>
/// Runs <c>object-summary.sql</c> over one lake object with an in-memory DuckDB and stores the result under
/// <see cref="LakeQueryPaths.ResultPrefix"/>. A failed attempt is retried with exponential backoff; after the last
/// one, or at once when the object is missing, the object is recorded under
/// <see cref="LakeQueryPaths.DeadLetterPrefix"/>. A later success removes that entry.
/// </summary>
public sealed class LakeQueryRunner(
    ILakeStore store,
    IOptions<LakeQueryOptions> options,
    TimeProvider time,
    ILogger<LakeQueryRunner> logger)
{
    public const string QueryName = "object-summary";

    private const string LocalCopyPrefix = "dovetail-query-";

    // Extensions are never installed or loaded on demand, so a query that needs a missing one (such as httpfs for
    // s3:// paths) fails at once instead of trying to download it.
    private const string ConnectionString =
        "Data Source=:memory:;autoinstall_known_extensions=false;autoload_known_extensions=false";

    private static readonly JsonWriterOptions ResultWriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
    };

    private static readonly JsonSerializerOptions DeadLetterJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    private readonly LakeQueryOptions _options = options.Value;

    /// <summary>
    /// Queries the object at <paramref name="objectPath"/> and stores the result, or records the object as dead
    /// letter when every attempt failed or the object is missing.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="objectPath"/> is not a change object's path.</exception>
    public async Task<LakeQueryOutcome> RunAsync(string objectPath, CancellationToken cancellationToken)
    {
        LakeQueryPaths.Validate(objectPath);
        var started = time.GetTimestamp();
        try
        {
            return await RunWithRetriesAsync(objectPath, cancellationToken);
        }
        finally
        {
            DovetailMetrics.RecordLakeQuery(time.GetElapsedTime(started));
        }
    }

    private async Task<LakeQueryOutcome> RunWithRetriesAsync(string objectPath, CancellationToken cancellationToken)
    {
        var resultPath = LakeQueryPaths.ResultPath(objectPath);
        var deadLetterPath = LakeQueryPaths.DeadLetterPath(objectPath);

        for (var attempt = 1; ; attempt++)
        {
            LakeQueryLog.AttemptStarted(logger, objectPath, attempt, _options.MaxAttempts);
            try
            {
                var records = await TryRunOnceAsync(objectPath, resultPath, cancellationToken);
                if (records is null)
                {
                    // Retrying cannot bring back a missing object, so it is recorded after the first attempt.
                    var reason = $"The object '{objectPath}' is missing from the lake.";
                    await WriteDeadLetterAsync(objectPath, deadLetterPath, reason, attempt, cancellationToken);
                    LakeQueryLog.ObjectMissing(logger, objectPath, deadLetterPath);
                    return new LakeQueryOutcome(objectPath, false, deadLetterPath, attempt, reason);
                }

                await ClearDeadLetterAsync(objectPath, deadLetterPath, cancellationToken);
                LakeQueryLog.Succeeded(logger, objectPath, records.Value, resultPath, attempt);
                return new LakeQueryOutcome(objectPath, true, resultPath, attempt, null);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                if (attempt >= _options.MaxAttempts)
                {
                    var reason = Describe(exception);
                    await WriteDeadLetterAsync(objectPath, deadLetterPath, reason, attempt, cancellationToken);
                    LakeQueryLog.DeadLettered(logger, exception, objectPath, attempt, deadLetterPath);
                    return new LakeQueryOutcome(objectPath, false, deadLetterPath, attempt, reason);
                }

                var delay = _options.RetryDelay * Math.Pow(2, attempt - 1);
                LakeQueryLog.AttemptFailed(logger, exception, objectPath, attempt, _options.MaxAttempts, delay);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    /// <summary>Runs one attempt and returns the record count, or null when the object is missing.</summary>
    private async Task<long?> TryRunOnceAsync(string objectPath, string resultPath, CancellationToken cancellationToken)
    {
        // DuckDB reads local files only here (s3:// needs an extension that is not linked in), so the object is
        // copied out of the store first.
        var localCopy = Path.Combine(Path.GetTempPath(), $"{LocalCopyPrefix}{Guid.NewGuid():N}{LakeQueryPaths.ObjectSuffix}");
        try
        {
            string sha256;
            await using (var source = await store.OpenReadAsync(objectPath, cancellationToken))
            {
                if (source is null)
                {
                    return null;
                }

                sha256 = await CopyAndHashAsync(source, localCopy, cancellationToken);
            }

            // DuckDB's ADO.NET calls block, so the query runs on the thread pool rather than on the caller's
            // scheduler, which for a grain is the silo's.
            var (records, summaryJson) = await Task.Run(() => Query(localCopy), cancellationToken);

            using var result = new MemoryStream(RenderResult(objectPath, records, sha256, summaryJson));
            await store.PutAsync(resultPath, result, cancellationToken);
            return records;
        }
        catch (Exception exception) when (exception.Message.Contains(LocalCopyPrefix, StringComparison.Ordinal))
        {
            // DuckDB names the file it failed on, and the local copy's random name would make every reason differ.
            // It may also quote the query line that failed, cut to a width that can end inside that name, so the
            // quoted line is dropped.
            var message = exception.Message;
            var context = message.IndexOf("\nLINE ", StringComparison.Ordinal);
            message = context < 0 ? message : message[..context];
            throw new LakeQueryException(message.Replace(localCopy, objectPath, StringComparison.Ordinal), exception);
        }
        finally
        {
            File.Delete(localCopy);
        }
    }

    private static async Task<string> CopyAndHashAsync(Stream source, string destination, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        await using var file = new FileStream(
            destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, buffer.Length, useAsync: true);
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static (long Records, string SummaryJson) Query(string localCopy)
    {
        using var connection = new DuckDBConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = LakeQuerySql.BindObjectFile(LakeQuerySql.ObjectSummary, localCopy);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new LakeQueryException($"The {QueryName} query returned no row.");
        }

        return (reader.GetInt64(0), reader.GetString(1));
    }

    /// <summary>
    /// Renders the result document: the object's path, record count and checksum, then the query's summary. It
    /// holds no clock time, so the same object always gives the same bytes.
    /// </summary>
    private static byte[] RenderResult(string objectPath, long records, string sha256, string summaryJson)
    {
        using var summary = JsonDocument.Parse(summaryJson);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ResultWriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("query", QueryName);
            writer.WriteString("objectPath", objectPath);
            writer.WriteNumber("records", records);
            writer.WriteString("objectSha256", sha256);
            foreach (var property in summary.RootElement.EnumerateObject())
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private async Task WriteDeadLetterAsync(
        string objectPath, string deadLetterPath, string reason, int attempts, CancellationToken cancellationToken)
    {
        var entry = new LakeQueryDeadLetter(objectPath, QueryName, reason, attempts, time.GetUtcNow());
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(entry, DeadLetterJson));
        await store.PutAsync(deadLetterPath, content, cancellationToken);
    }

    private async Task ClearDeadLetterAsync(string objectPath, string deadLetterPath, CancellationToken cancellationToken)
    {
        // The entry is looked up before the delete, so only a real removal is logged.
        await using (var existing = await store.OpenReadAsync(deadLetterPath, cancellationToken))
        {
            if (existing is null)
            {
                return;
            }
        }

        await store.DeleteAsync(deadLetterPath, cancellationToken);
        LakeQueryLog.DeadLetterCleared(logger, objectPath, deadLetterPath);
    }

    private static string Describe(Exception exception)
    {
        var root = exception is LakeQueryException { InnerException: { } inner } ? inner : exception;
        return $"{root.GetType().FullName}: {exception.Message}";
    }
}
