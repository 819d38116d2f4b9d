using Dovetail.Grains.Abstractions.Insights;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Orleans.Configuration;

namespace Dovetail.Grains.Warehouse;

/// <summary>
/// The warehouse of PostgreSQL mode, in the schema of <c>0007_warehouse.sql</c>. Rows carry the cluster's service
/// id, so clusters sharing a database keep separate warehouses.
/// </summary>
public sealed class PostgresWarehouse : IWarehouse, IAsyncDisposable
{
    // Two loads of one day, such as the daily load and an operator's, would each delete the day and then collide on
    // the rows the other inserted. A transaction-level advisory lock per service and day runs them one after another.
    private const string LockDaySql = "SELECT pg_advisory_xact_lock(hashtextextended(@service_id || '/' || @day::text, 0));";

    private const string CreateStagingSql = """
        CREATE TEMPORARY TABLE warehouse_staging
        (
            ordinal bigint NOT NULL,
            event_id text NOT NULL,
            submission_id text NOT NULL,
            version integer NOT NULL,
            status text NOT NULL,
            occurred_at timestamptz NOT NULL,
            cause text NOT NULL,
            client_id text NOT NULL,
            correlation_id text NOT NULL,
            trace_parent text NULL,
            document jsonb NOT NULL,
            object_path text NOT NULL
        ) ON COMMIT DROP;
        """;

    private const string CopyStagingSql = """
        COPY warehouse_staging (ordinal, event_id, submission_id, version, status, occurred_at, cause, client_id,
                                correlation_id, trace_parent, document, object_path)
        FROM STDIN (FORMAT BINARY)
        """;

    private const string DeleteDaySql = "DELETE FROM dovetail_warehouse.changes WHERE service_id = @service_id AND day = @day;";

    // The first copy of an event id wins, both within the day (by its order in the objects) and against other days.
    private const string InsertDaySql = """
        INSERT INTO dovetail_warehouse.changes
            (service_id, day, event_id, submission_id, version, status, occurred_at, cause, client_id, correlation_id,
             trace_parent, document, object_path)
        SELECT @service_id, @day, event_id, submission_id, version, status, occurred_at, cause, client_id,
               correlation_id, trace_parent, document, object_path
        FROM warehouse_staging
        ORDER BY ordinal
        ON CONFLICT (service_id, event_id) DO NOTHING;
        """;

    private const string RecordLoadSql = """
        INSERT INTO dovetail_warehouse.loads (service_id, day, source_fingerprint, objects, records, loaded_at)
        VALUES (@service_id, @day, @source_fingerprint, @objects, @records, @loaded_at)
        ON CONFLICT (service_id, day) DO UPDATE
            SET source_fingerprint = EXCLUDED.source_fingerprint, objects = EXCLUDED.objects,
                records = EXCLUDED.records, loaded_at = EXCLUDED.loaded_at;
        """;

    private const string ReadLoadSql = """
        SELECT source_fingerprint, objects, records, loaded_at FROM dovetail_warehouse.loads
        WHERE service_id = @service_id AND day = @day;
        """;

    private const string CountRowsSql =
        "SELECT count(*) FROM dovetail_warehouse.changes WHERE service_id = @service_id AND day = @day;";

    private const string TransitionsSql = """
        SELECT day, status, count(*) FROM dovetail_warehouse.changes
        WHERE service_id = @service_id AND day >= @day
        GROUP BY day, status
        ORDER BY day, status COLLATE "C";
        """;

    // ORDER BY takes an output column's name only on its own, so the collation is applied over a subquery.
    private const string CompletedByCountrySql = """
        SELECT country, submissions
        FROM (SELECT COALESCE(document #>> '{enrichment,place,country}', '') AS country, count(*) AS submissions
              FROM dovetail_warehouse.changes
              WHERE service_id = @service_id AND day >= @day AND status = 'completed'
              GROUP BY 1) AS counted
        ORDER BY submissions DESC, country COLLATE "C"
        LIMIT @countries;
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;

    public PostgresWarehouse(string connectionString, IOptions<ClusterOptions> cluster)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(cluster);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _serviceId = cluster.Value.ServiceId;
    }

    public string Location =>
        $"schema dovetail_warehouse in PostgreSQL database {new NpgsqlConnectionStringBuilder(_dataSource.ConnectionString).Database} (service {_serviceId})";

    public async Task<WarehouseLoad?> ReadLoadAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(ReadLoadSql);
        AddDayParameters(command, day);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new WarehouseLoad(
            day, reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3));
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

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, LockDaySql, day, cancellationToken);
        await ExecuteAsync(connection, CreateStagingSql, day, cancellationToken);
        await CopyAsync(connection, rows, cancellationToken);
        await ExecuteAsync(connection, DeleteDaySql, day, cancellationToken);
        var stored = await ExecuteAsync(connection, InsertDaySql, day, cancellationToken);

        var load = new WarehouseLoad(day, sourceFingerprint, objects, stored, loadedAt);
        await using (var record = new NpgsqlCommand(RecordLoadSql, connection))
        {
            AddDayParameters(record, day);
            record.Parameters.AddWithValue("source_fingerprint", sourceFingerprint);
            record.Parameters.AddWithValue("objects", objects);
            record.Parameters.AddWithValue("records", stored);
            record.Parameters.AddWithValue("loaded_at", loadedAt.ToUniversalTime());
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return load;
    }

    public async Task<long> CountRowsAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(CountRowsSql);
        AddDayParameters(command, day);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<WarehouseSummary> ReadSummaryAsync(DateOnly fromDay, int countries, CancellationToken cancellationToken)
    {
        var transitions = new List<DailyStatusCount>();
        await using (var command = _dataSource.CreateCommand(TransitionsSql))
        {
            AddDayParameters(command, fromDay);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                transitions.Add(new DailyStatusCount(
                    reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetInt64(2)));
            }
        }

        var byCountry = new List<CountryCount>();
        await using (var command = _dataSource.CreateCommand(CompletedByCountrySql))
        {
            AddDayParameters(command, fromDay);
            command.Parameters.AddWithValue("countries", countries);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                byCountry.Add(new CountryCount(reader.GetString(0), reader.GetInt64(1)));
            }
        }

        return new WarehouseSummary(transitions, byCountry);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static async Task CopyAsync(
        NpgsqlConnection connection, IAsyncEnumerable<WarehouseRow> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(CopyStagingSql, cancellationToken);
        var ordinal = 0L;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var record = row.Record;
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(ordinal++, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(record.EventId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(record.SubmissionId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(record.Version, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(record.Status, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(DateTime.SpecifyKind(record.OccurredAt, DateTimeKind.Utc), NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(record.Cause, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(record.ClientId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(record.CorrelationId, NpgsqlDbType.Text, cancellationToken);
            if (record.TraceParent is null)
            {
                await importer.WriteNullAsync(cancellationToken);
            }
            else
            {
                await importer.WriteAsync(record.TraceParent, NpgsqlDbType.Text, cancellationToken);
            }

            await importer.WriteAsync(record.Document, NpgsqlDbType.Jsonb, cancellationToken);
            await importer.WriteAsync(row.ObjectPath, NpgsqlDbType.Text, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private async Task<long> ExecuteAsync(NpgsqlConnection connection, string sql, DateOnly day, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        AddDayParameters(command, day);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void AddDayParameters(NpgsqlCommand command, DateOnly day)
    {
        command.Parameters.AddWithValue("service_id", _serviceId);
        command.Parameters.AddWithValue("day", day);
    }
}
