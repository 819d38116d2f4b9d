using Dovetail.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Dovetail.PostgreSql.Tests.Infrastructure;

/// <summary>A database with a random name, created for one test class and dropped when it is disposed.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
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
        await ExecuteAsync(adminConnectionString, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE);", CancellationToken.None);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
