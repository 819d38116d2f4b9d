using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dovetail.Storage;

/// <summary>
/// Creates and updates Dovetail's PostgreSQL schema: the Orleans ADO.NET tables, functions and named queries.
/// </summary>
/// <remarks>
/// Every run applies every embedded file again, in file-name order, because each statement in them can run
/// repeatedly. Re-applying also restores query texts that were edited in the database. A session-level advisory
/// lock serializes concurrent runs against one database, and each file runs in its own transaction together with
/// its row in <c>dovetail_schema_history</c>.
/// </remarks>
public static partial class SchemaMigrator
{
    /// <summary>The table that records each applied file with its checksum and the time it was last applied.</summary>
    public const string HistoryTableName = "dovetail_schema_history";

    private const string LockKeySql = "hashtextextended('dovetail.schema-migration', 0)";

    private const string CreateHistoryTableSql = $"""
        CREATE TABLE IF NOT EXISTS {HistoryTableName}
        (
            file_name text NOT NULL PRIMARY KEY,
            checksum text NOT NULL,
            applied_at timestamptz NOT NULL
        );
        """;

    private const string ReadChecksumSql = $"SELECT checksum FROM {HistoryTableName} WHERE file_name = @file_name;";

    private const string RecordScriptSql = $"""
        INSERT INTO {HistoryTableName} (file_name, checksum, applied_at)
        VALUES (@file_name, @checksum, now())
        ON CONFLICT (file_name) DO UPDATE SET checksum = EXCLUDED.checksum, applied_at = EXCLUDED.applied_at;
        """;

    /// <summary>Applies every embedded SQL file to the database named by the connection string.</summary>
    /// <exception cref="NpgsqlException">The database cannot be reached or a statement fails.</exception>
    public static async Task MigrateAsync(string connectionString, ILogger logger, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(logger);

        var scripts = SchemaScript.LoadAll();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        LogMigrationStarting(logger, connection.Database, scripts.Count);

        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKeySql});", ct);
        try
        {
            await ExecuteAsync(connection, CreateHistoryTableSql, ct);
            foreach (var script in scripts)
            {
                await ApplyAsync(connection, script, logger, ct);
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException)
        {
            LogMigrationFailed(logger, exception, connection.Database);
            throw;
        }
        finally
        {
            // The lock belongs to the session, and a pooled connection outlives this call, so it is released
            // explicitly. A broken connection releases it when the server closes the session.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockKeySql});", CancellationToken.None);
            }
        }

        LogMigrationFinished(logger, connection.Database, scripts.Count);
    }

    private static async Task ApplyAsync(
        NpgsqlConnection connection, SchemaScript script, ILogger logger, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);

        string? previousChecksum;
        await using (var read = new NpgsqlCommand(ReadChecksumSql, connection, transaction))
        {
            read.Parameters.AddWithValue("file_name", script.FileName);
            previousChecksum = await read.ExecuteScalarAsync(ct) as string;
        }

        await using (var apply = new NpgsqlCommand(script.Text, connection, transaction))
        {
            await apply.ExecuteNonQueryAsync(ct);
        }

        await using (var record = new NpgsqlCommand(RecordScriptSql, connection, transaction))
        {
            record.Parameters.AddWithValue("file_name", script.FileName);
            record.Parameters.AddWithValue("checksum", script.Checksum);
            await record.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);

        if (previousChecksum is null)
        {
            LogScriptAppliedFirstTime(logger, script.FileName, script.Checksum);
        }
        else if (previousChecksum != script.Checksum)
        {
            LogScriptAppliedChanged(logger, script.FileName, previousChecksum, script.Checksum);
        }
        else
        {
            LogScriptReapplied(logger, script.FileName);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
