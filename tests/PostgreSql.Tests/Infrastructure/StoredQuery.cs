using System.Data;
using Npgsql;

namespace Dovetail.PostgreSql.Tests.Infrastructure;

/// <summary>
/// Runs a query text from the OrleansQuery table the way the Orleans ADO.NET providers do: one command per call,
/// parameters named without '@', and DateTime values bound with DbType.DateTime.
/// </summary>
internal static class StoredQuery
{
    public static async Task<NpgsqlCommand> CreateAsync(
        NpgsqlConnection connection, string queryKey, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        string text;
        await using (var lookup = new NpgsqlCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @key", connection))
        {
            lookup.Parameters.AddWithValue("key", queryKey);
            text = (string?)await lookup.ExecuteScalarAsync(ct)
                ?? throw new InvalidOperationException($"The query key '{queryKey}' is missing from OrleansQuery.");
        }

        var command = new NpgsqlCommand(text, connection);
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = value switch
            {
                DateTime => DbType.DateTime,
                int => DbType.Int32,
                long => DbType.Int64,
                byte[] => DbType.Binary,
                _ => DbType.String,
            };
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
