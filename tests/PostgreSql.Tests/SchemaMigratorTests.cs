using Dovetail.PostgreSql.Tests.Infrastructure;
using Dovetail.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace Dovetail.PostgreSql.Tests;

public sealed class SchemaMigratorTests
{
    private static readonly string[] RequiredQueryKeys =
    [
        "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey",
        "UpdateIAmAlivetimeKey", "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
        "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey",
        "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
        "QueueStreamMessageKey", "GetStreamMessagesKey", "ConfirmStreamMessagesKey", "FailStreamMessageKey",
        "EvictStreamMessagesKey", "EvictStreamDeadLettersKey",
    ];

    [Fact]
    public async Task Migrate_EmptyDatabase_CreatesEveryQueryKey()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(ct);

        await SchemaMigrator.MigrateAsync(database.ConnectionString, NullLogger.Instance, ct);

        var keys = await ReadQueryKeysAsync(database, ct);
        foreach (var key in RequiredQueryKeys)
        {
            Assert.Contains(key, keys);
        }
    }

    [Fact]
    public async Task Migrate_EmptyDatabase_RecordsEveryScriptWithItsChecksum()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(ct);

        await SchemaMigrator.MigrateAsync(database.ConnectionString, NullLogger.Instance, ct);

        var history = await ReadHistoryAsync(database, ct);
        var expected = SchemaScript.LoadAll().Select(script => $"{script.FileName}:{script.Checksum}").ToArray();
        Assert.Equal(expected, history);
    }

    [Fact]
    public async Task Migrate_Twice_SucceedsWithSameSchema()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(ct);
        await SchemaMigrator.MigrateAsync(database.ConnectionString, NullLogger.Instance, ct);
        var schemaBefore = await DescribeSchemaAsync(database, ct);
        var queriesBefore = await ReadQueriesAsync(database, ct);

        await SchemaMigrator.MigrateAsync(database.ConnectionString, NullLogger.Instance, ct);

        Assert.Equal(schemaBefore, await DescribeSchemaAsync(database, ct));
        Assert.Equal(queriesBefore, await ReadQueriesAsync(database, ct));
    }

    [Fact]
    public async Task Migrate_FromTwoTasksAtOnce_BothSucceed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(ct);

        var first = SchemaMigrator.MigrateAsync(database.ConnectionString, NullLogger.Instance, ct);
        var second = SchemaMigrator.MigrateAsync(database.ConnectionString, NullLogger.Instance, ct);
        await Task.WhenAll(first, second);

        Assert.Equal(RequiredQueryKeys.Length, (await ReadQueryKeysAsync(database, ct)).Count);
    }

    [Fact]
    public async Task Migrate_AfterQueryTextWasEdited_RestoresIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(ct);
        var original = await database.ScalarAsync<string>(
            "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'ReadFromStorageKey'", ct);
        await database.ScalarAsync<int>(
            "UPDATE OrleansQuery SET QueryText = 'SELECT 1' WHERE QueryKey = 'ReadFromStorageKey'", ct);

        await SchemaMigrator.MigrateAsync(database.ConnectionString, NullLogger.Instance, ct);

        var restored = await database.ScalarAsync<string>(
            "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'ReadFromStorageKey'", ct);
        Assert.Equal(original, restored);
    }

    private static async Task<List<string>> ReadQueryKeysAsync(TestDatabase database, CancellationToken ct) =>
        await ReadStringsAsync(database, "SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey", ct);

    private static async Task<List<string>> ReadQueriesAsync(TestDatabase database, CancellationToken ct) =>
        await ReadStringsAsync(database, "SELECT QueryKey || '=' || QueryText FROM OrleansQuery ORDER BY QueryKey", ct);

    private static async Task<List<string>> ReadHistoryAsync(TestDatabase database, CancellationToken ct) =>
        await ReadStringsAsync(
            database, $"SELECT file_name || ':' || checksum FROM {SchemaMigrator.HistoryTableName} ORDER BY file_name", ct);

    // Tables with their columns and types, indexes, and functions with their argument lists: enough to see a
    // statement that created a duplicate object or an extra function overload on the second run.
    private static async Task<List<string>> DescribeSchemaAsync(TestDatabase database, CancellationToken ct) =>
        await ReadStringsAsync(
            database,
            """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type
            FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL
            SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL
            SELECT 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
            UNION ALL
            SELECT 'sequence ' || sequencename FROM pg_sequences WHERE schemaname = 'public'
            ORDER BY 1
            """,
            ct);

    private static async Task<List<string>> ReadStringsAsync(TestDatabase database, string sql, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
