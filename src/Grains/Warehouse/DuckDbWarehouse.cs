using Dovetail.Grains.Abstractions.Insights;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace Dovetail.Grains.Warehouse;

/// <summary>
/// The warehouse of local mode: a DuckDB file with the same two tables as PostgreSQL mode. Each call opens the file
/// and closes it again, because DuckDB lets only one process open a file for writing, and a reader such as the
/// DuckDB shell can then open it between loads.
/// </summary>
/// <remarks>
/// Times are stored as UTC <c>TIMESTAMP</c> and documents as <c>VARCHAR</c>, so the file needs no DuckDB extension.
/// The tables have no key: one writer at a time is guaranteed by the file lock, and a load skips event ids already
/// stored itself.
/// </remarks>
public sealed class DuckDbWarehouse(IOptions<WarehouseOptions> options) : IWarehouse
{
    private const string CreateTablesSql = """
        CREATE TABLE IF NOT EXISTS changes
        (
            day DATE NOT NULL,
            event_id VARCHAR NOT NULL,
            submission_id VARCHAR NOT NULL,
            version INTEGER NOT NULL,
            status VARCHAR NOT NULL,
            occurred_at TIMESTAMP NOT NULL,
            cause VARCHAR NOT NULL,
            client_id VARCHAR NOT NULL,
            correlation_id VARCHAR NOT NULL,
            trace_parent VARCHAR,
            document VARCHAR NOT NULL,
            object_path VARCHAR NOT NULL
        );
        CREATE TABLE IF NOT EXISTS loads
        (
            day DATE NOT NULL,
            source_fingerprint VARCHAR NOT NULL,
            objects INTEGER NOT NULL,
            records BIGINT NOT NULL,
            loaded_at TIMESTAMP NOT NULL
        );
        """;

    // The staging table has the changes table's columns, in its order, with an ordinal for the arrival order in
    // place of the day, which the insert adds.
    private const string CreateStagingSql =
        "CREATE TEMPORARY TABLE warehouse_staging AS SELECT 0::BIGINT AS ordinal, * EXCLUDE (day) FROM changes LIMIT 0;";

    // The first copy of an event id wins, both within the day (by its order in the objects) and against other days.
    private const string InsertDaySql = """
        INSERT INTO changes
        SELECT $day, event_id, submission_id, version, status, occurred_at, cause, client_id, correlation_id,
               trace_parent, document, object_path
        FROM warehouse_staging AS staged
        WHERE NOT EXISTS (SELECT 1 FROM changes WHERE changes.event_id = staged.event_id)
        QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY ordinal) = 1
        ORDER BY ordinal;
        """;

    private const string CompletedByCountrySql = """
        SELECT COALESCE(json_extract_string(document, '$.enrichment.place.country'), '') AS country, count(*) AS submissions
        FROM changes
        WHERE day >= $day AND status = 'completed'
        GROUP BY 1
        ORDER BY submissions DESC, country
        LIMIT $countries;
        """;

    // Extensions are never installed or loaded on demand, as in the query step.
    private const string ConnectionOptions = "autoinstall_known_extensions=false;autoload_known_extensions=false";

    private readonly string _path = Path.GetFullPath(options.Value.DuckDbPath);

    public string Location => $"DuckDB file {_path}";

    public async Task<WarehouseLoad?> ReadLoadAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(
            connection, "SELECT source_fingerprint, objects, records, loaded_at FROM loads WHERE day = $day;", day);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var loadedAt = new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc));
        return new WarehouseLoad(day, reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), loadedAt);
    }

    public async Task<WarehouseLoad> ReplaceDayAsync(
        DateOnly day,
        string sourceFingerprint,
        int objects,
        IAsyncEnumerable<WarehouseRow> rows,
        DateTimeOffset loadedAt,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceFingerprint);
        ArgumentNullException.ThrowIfNull(rows);

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, CreateStagingSql, day, cancellationToken);
        await StageAsync(connection, rows, cancellationToken);
        await ExecuteAsync(connection, "DELETE FROM changes WHERE day = $day;", day, cancellationToken);
        var stored = await ExecuteAsync(connection, InsertDaySql, day, cancellationToken);
        await ExecuteAsync(connection, "DELETE FROM loads WHERE day = $day;", day, cancellationToken);
        await using (var record = Command(
            connection,
            "INSERT INTO loads VALUES ($day, $source_fingerprint, $objects, $records, $loaded_at);",
            day))
        {
            record.Parameters.Add(new DuckDBParameter("source_fingerprint", sourceFingerprint));
            record.Parameters.Add(new DuckDBParameter("objects", objects));
            record.Parameters.Add(new DuckDBParameter("records", stored));
            record.Parameters.Add(new DuckDBParameter("loaded_at", loadedAt.UtcDateTime));
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await ExecuteAsync(connection, "DROP TABLE warehouse_staging;", day, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new WarehouseLoad(day, sourceFingerprint, objects, stored, loadedAt);
    }

    public async Task<long> CountRowsAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT count(*) FROM changes WHERE day = $day;", day);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<WarehouseSummary> ReadSummaryAsync(DateOnly fromDay, int countries, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var transitions = new List<DailyStatusCount>();
        await using (var command = Command(
            connection,
            "SELECT day, status, count(*) FROM changes WHERE day >= $day GROUP BY day, status ORDER BY day, status;",
            fromDay))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                transitions.Add(new DailyStatusCount(
                    DateOnly.FromDateTime(reader.GetDateTime(0)), reader.GetString(1), reader.GetInt64(2)));
            }
        }

        var byCountry = new List<CountryCount>();
        await using (var command = Command(connection, CompletedByCountrySql, fromDay))
        {
            command.Parameters.Add(new DuckDBParameter("countries", countries));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                byCountry.Add(new CountryCount(reader.GetString(0), reader.GetInt64(1)));
            }
        }

        return new WarehouseSummary(transitions, byCountry);
    }

    private static async Task StageAsync(
        DuckDBConnection connection, IAsyncEnumerable<WarehouseRow> rows, CancellationToken cancellationToken)
    {
        using var appender = connection.CreateAppender("warehouse_staging");
        var ordinal = 0L;
        await foreach (var staged in rows.WithCancellation(cancellationToken))
        {
            var record = staged.Record;
            var row = appender.CreateRow()
                .AppendValue(ordinal++)
                .AppendValue(record.EventId)
                .AppendValue(record.SubmissionId)
                .AppendValue(record.Version)
                .AppendValue(record.Status)
                .AppendValue(DateTime.SpecifyKind(record.OccurredAt, DateTimeKind.Utc))
                .AppendValue(record.Cause)
                .AppendValue(record.ClientId)
                .AppendValue(record.CorrelationId);
            row = record.TraceParent is null ? row.AppendNullValue() : row.AppendValue(record.TraceParent);
            row.AppendValue(record.Document)
                .AppendValue(staged.ObjectPath)
                .EndRow();
        }
    }

    private async Task<DuckDBConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var connection = new DuckDBConnection($"Data Source={_path};{ConnectionOptions}");
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = CreateTablesSql;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static DuckDBCommand Command(DuckDBConnection connection, string sql, DateOnly day)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        if (sql.Contains("$day", StringComparison.Ordinal))
        {
            command.Parameters.Add(new DuckDBParameter("day", day));
        }

        return command;
    }

    private static async Task<long> ExecuteAsync(
        DuckDBConnection connection, string sql, DateOnly day, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, day);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
