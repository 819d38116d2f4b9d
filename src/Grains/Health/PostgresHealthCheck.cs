using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Dovetail.Grains.Health;

/// <summary>
/// Reports ready when PostgreSQL accepts a connection and runs a query.
/// </summary>
public sealed class PostgresHealthCheck(string connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answered.");
        }
        catch (NpgsqlException exception)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL did not answer.", exception);
        }
    }
}
