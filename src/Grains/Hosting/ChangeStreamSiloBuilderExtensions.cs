using Dovetail.Grains.Abstractions.Changes;

namespace Dovetail.Grains.Hosting;

/// <summary>
/// Adds the stream provider that carries change events: memory streams in local mode, ADO.NET streams on
/// PostgreSQL otherwise.
/// </summary>
public static class ChangeStreamSiloBuilderExtensions
{
    /// <summary>Adds in-memory change streams and the in-memory subscription storage they need.</summary>
    public static ISiloBuilder AddLocalChangeStream(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.AddMemoryStreams(ChangeStreams.ProviderName);
        builder.AddMemoryGrainStorage(PostgresSiloBuilderExtensions.PubSubStorageName);
        return builder;
    }

    /// <summary>
    /// Adds durable change streams on PostgreSQL. Messages stay in the queue table until a consumer confirms
    /// them, so a silo crash delivers them again rather than losing them.
    /// </summary>
    public static ISiloBuilder AddPostgresChangeStream(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        builder.AddAdoNetStreams(ChangeStreams.ProviderName, options =>
        {
            options.Invariant = PostgresSiloBuilderExtensions.Invariant;
            options.ConnectionString = connectionString;
        });
        return builder;
    }
}
