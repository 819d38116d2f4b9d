using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Submissions;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Orleans.Configuration;

namespace Dovetail.Grains.Lake.Buffer;

/// <summary>
/// The change buffer of PostgreSQL mode, in the tables of <c>0006_change_buffer.sql</c>. Rows carry the cluster's
/// service id, so clusters sharing a database keep separate buffers.
/// </summary>
public sealed class PostgresChangeBuffer : IChangeBuffer, IAsyncDisposable
{
    // One statement, so appending the event and opening the window cannot be separated by a crash. The window
    // opens only when the event was appended, so a duplicate never opens an empty window. A window is never opened
    // before the last published one, which a silo whose clock is behind would otherwise reuse names in.
    private const string AppendSql = """
        WITH appended AS (
            INSERT INTO dovetail_change_buffer
                (service_id, event_id, partition, submission_id, version, status, occurred_at, cause, client_id,
                 correlation_id, trace_parent, document, bytes)
            SELECT @service_id, @event_id, @partition, @submission_id, @version, @status, @occurred_at, @cause,
                   @client_id, @correlation_id, @trace_parent, @document, @bytes
            WHERE NOT EXISTS (
                SELECT 1 FROM dovetail_change_published WHERE service_id = @service_id AND event_id = @event_id)
            ON CONFLICT (service_id, event_id) DO NOTHING
            RETURNING 1
        ), opened AS (
            INSERT INTO dovetail_change_partition (service_id, partition, window_start, next_sequence)
            SELECT @service_id, @partition, @window_start, 1 FROM appended
            ON CONFLICT (service_id, partition) DO UPDATE
                SET window_start = COALESCE(
                        dovetail_change_partition.window_start,
                        GREATEST(EXCLUDED.window_start, dovetail_change_partition.last_window_start)),
                    next_sequence = CASE
                        WHEN dovetail_change_partition.window_start IS NOT NULL THEN dovetail_change_partition.next_sequence
                        WHEN dovetail_change_partition.last_window_start >= EXCLUDED.window_start THEN dovetail_change_partition.next_sequence
                        ELSE 1
                    END
            RETURNING 1
        )
        SELECT count(*) FROM appended;
        """;

    private const string ReadStatusSql = """
        SELECT p.window_start, p.next_sequence, b.events, b.bytes
        FROM (SELECT count(*) AS events, COALESCE(sum(bytes), 0)::bigint AS bytes
              FROM dovetail_change_buffer WHERE service_id = @service_id AND partition = @partition) AS b
        LEFT JOIN dovetail_change_partition AS p ON p.service_id = @service_id AND p.partition = @partition;
        """;

    private const string ReadSql = """
        SELECT position, event_id, submission_id, version, status, occurred_at, cause, client_id, correlation_id,
               trace_parent, document
        FROM dovetail_change_buffer
        WHERE service_id = @service_id AND partition = @partition
        ORDER BY position;
        """;

    private const string MovePublishedSql = """
        WITH moved AS (
            DELETE FROM dovetail_change_buffer
            WHERE service_id = @service_id AND partition = @partition AND position <= @last_position
            RETURNING event_id
        )
        INSERT INTO dovetail_change_published (service_id, event_id, partition, object_path, published_at)
        SELECT @service_id, event_id, @partition, @object_path, @published_at FROM moved
        ON CONFLICT (service_id, event_id) DO UPDATE
            SET object_path = EXCLUDED.object_path, published_at = EXCLUDED.published_at;
        """;

    private const string AddPendingQuerySql = """
        INSERT INTO dovetail_lake_pending_query (service_id, object_path, partition, published_at)
        VALUES (@service_id, @object_path, @partition, @published_at)
        ON CONFLICT (service_id, object_path) DO NOTHING;
        """;

    private const string AdvanceCursorSql = """
        UPDATE dovetail_change_partition
        SET next_sequence = next_sequence + 1,
            last_window_start = window_start,
            window_start = CASE WHEN @close_window THEN NULL ELSE window_start END
        WHERE service_id = @service_id AND partition = @partition;
        """;

    private const string ForgetPublishedSql = """
        DELETE FROM dovetail_change_published
        WHERE service_id = @service_id AND partition = @partition AND published_at < @forget_before;
        """;

    private const string CloseEmptyWindowSql = """
        UPDATE dovetail_change_partition SET window_start = NULL
        WHERE service_id = @service_id AND partition = @partition
          AND NOT EXISTS (SELECT 1 FROM dovetail_change_buffer WHERE service_id = @service_id AND partition = @partition);
        """;

    private const string ReadPendingQueriesSql = """
        SELECT object_path FROM dovetail_lake_pending_query
        WHERE service_id = @service_id AND partition = @partition
        ORDER BY object_path COLLATE "C";
        """;

    private const string CompleteQuerySql = """
        DELETE FROM dovetail_lake_pending_query
        WHERE service_id = @service_id AND partition = @partition AND object_path = @object_path;
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;

    public PostgresChangeBuffer(string connectionString, IOptions<ClusterOptions> cluster)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(cluster);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _serviceId = cluster.Value.ServiceId;
    }

    public async Task<ChangeBufferStatus> ReadStatusAsync(long partition, CancellationToken cancellationToken)
    {
        await using var command = Command(ReadStatusSql, partition);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        DateTimeOffset? windowStart = reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0);
        var nextSequence = reader.IsDBNull(1) ? 1 : reader.GetInt32(1);
        return new ChangeBufferStatus(windowStart, nextSequence, checked((int)reader.GetInt64(2)), reader.GetInt64(3));
    }

    public async Task<bool> AppendAsync(
        long partition, SubmissionChanged change, long bytes, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var command = Command(AppendSql, partition);
        command.Parameters.AddWithValue("event_id", change.EventId);
        command.Parameters.AddWithValue("submission_id", change.SubmissionId);
        command.Parameters.AddWithValue("version", change.Version);
        command.Parameters.AddWithValue("status", (int)change.Status);
        command.Parameters.AddWithValue("occurred_at", change.OccurredAt.ToUniversalTime());
        command.Parameters.AddWithValue("cause", change.Cause);
        command.Parameters.AddWithValue("client_id", change.ClientId);
        command.Parameters.AddWithValue("correlation_id", change.CorrelationId);
        command.Parameters.Add(new NpgsqlParameter("trace_parent", NpgsqlDbType.Text) { Value = (object?)change.TraceParent ?? DBNull.Value });
        command.Parameters.AddWithValue("document", change.DocumentJson);
        command.Parameters.AddWithValue("bytes", bytes);
        command.Parameters.AddWithValue("window_start", windowStart.ToUniversalTime());
        var appended = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return appended == 1;
    }

    public async Task<ChangeBufferContents> ReadAsync(long partition, CancellationToken cancellationToken)
    {
        var status = await ReadStatusAsync(partition, cancellationToken);
        await using var command = Command(ReadSql, partition);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var changes = new List<SubmissionChanged>();
        long last = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            last = reader.GetInt64(0);
            changes.Add(new SubmissionChanged(
                reader.GetString(1),
                reader.GetString(2),
                reader.GetInt32(3),
                (SubmissionStatus)reader.GetInt32(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetString(6),
                reader.GetString(7),
                reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.GetString(10)));
        }

        return new ChangeBufferContents(changes, last, status.WindowStart, status.NextSequence);
    }

    public async Task CompleteAsync(
        long partition,
        ChangeBufferContents published,
        string objectPath,
        bool closeWindow,
        DateTimeOffset publishedAt,
        DateTimeOffset forgetBefore,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(BatchCommand(MovePublishedSql, partition,
            ("last_position", published.LastPosition), ("object_path", objectPath), ("published_at", publishedAt.ToUniversalTime())));
        batch.BatchCommands.Add(BatchCommand(AddPendingQuerySql, partition,
            ("object_path", objectPath), ("published_at", publishedAt.ToUniversalTime())));
        batch.BatchCommands.Add(BatchCommand(AdvanceCursorSql, partition, ("close_window", closeWindow)));
        batch.BatchCommands.Add(BatchCommand(ForgetPublishedSql, partition, ("forget_before", forgetBefore.ToUniversalTime())));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task CloseEmptyWindowAsync(long partition, CancellationToken cancellationToken)
    {
        await using var command = Command(CloseEmptyWindowSql, partition);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ReadPendingQueriesAsync(long partition, CancellationToken cancellationToken)
    {
        await using var command = Command(ReadPendingQueriesSql, partition);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var paths = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            paths.Add(reader.GetString(0));
        }

        return paths;
    }

    public async Task CompleteQueryAsync(long partition, string objectPath, CancellationToken cancellationToken)
    {
        await using var command = Command(CompleteQuerySql, partition);
        command.Parameters.AddWithValue("object_path", objectPath);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private NpgsqlCommand Command(string sql, long partition)
    {
        var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("service_id", _serviceId);
        command.Parameters.AddWithValue("partition", partition);
        return command;
    }

    private NpgsqlBatchCommand BatchCommand(string sql, long partition, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddWithValue("service_id", _serviceId);
        command.Parameters.AddWithValue("partition", partition);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
