using Dovetail.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Dovetail.PostgreSql.Tests.Infrastructure;

/// <summary>A database with a random name, created for one test class and dropped when it is disposed.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const int DropAttempts = 10;
    private static readonly TimeSpan DropRetryDelay = TimeSpan.FromMilliseconds(200);

    private readonly string adminConnectionString;

    private TestDatabase(string adminConnectionString, string name, string connectionString)
    {
        this.adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(CancellationToken ct)
    {
        var admin = await PostgresServer.GetAdminConnectionStringAsync(ct);
        var name = $"dovetail_test_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE {name};", ct);

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase(admin, name, connectionString);
    }

    /// <summary>Creates a database and applies the schema to it.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(CancellationToken ct)
    {
        var database = await CreateAsync(ct);
        await SchemaMigrator.MigrateAsync(database.ConnectionString, NullLogger.Instance, ct);
        return database;
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken ct, string? timeZone = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        if (timeZone is not null)
        {
            builder.Timezone = timeZone;
        }

        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    public async Task<T?> ScalarAsync<T>(string sql, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(ct);
        return value is DBNull or null ? default : (T)value;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();

        // A server process, such as an autovacuum worker, can be in the database for a moment after the tests. The
        // drop ends it when the role may signal it (scripts/postgres.sh grants that), and is tried again otherwise.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(adminConnectionString, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE);", CancellationToken.None);
                return;
            }
            catch (PostgresException exception) when (
                exception.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse
                && attempt < DropAttempts)
            {
                await Task.Delay(DropRetryDelay);
            }
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
