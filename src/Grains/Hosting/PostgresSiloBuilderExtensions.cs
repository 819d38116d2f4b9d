using Dovetail.Grains.Lake.Buffer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Dovetail.Grains.Hosting;

/// <summary>
/// Configures a silo for PostgreSQL mode: ADO.NET clustering, grain storage and reminders on one database.
/// </summary>
/// <remarks>
/// The schema must exist before the silo starts: run <c>Dovetail.Storage.SchemaMigrator.MigrateAsync</c> first.
/// </remarks>
public static class PostgresSiloBuilderExtensions
{
    /// <summary>The ADO.NET invariant name that selects Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>The storage name that Orleans uses for explicit stream subscriptions.</summary>
    public const string PubSubStorageName = "PubSubStore";

    /// <summary>
    /// Uses PostgreSQL for membership, reminders, the change stream, the grain storage
    /// <paramref name="storageName"/> and the <c>PubSubStore</c> storage.
    /// </summary>
    public static ISiloBuilder UsePostgres(this ISiloBuilder builder, string connectionString, string storageName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(storageName);

        builder.UseAdoNetClustering(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });

        builder.AddAdoNetGrainStorage(storageName, options => ConfigureGrainStorage(options, connectionString));
        if (!string.Equals(storageName, PubSubStorageName, StringComparison.Ordinal))
        {
            builder.AddAdoNetGrainStorage(
                PubSubStorageName, options => ConfigureGrainStorage(options, connectionString));
        }

        builder.UseAdoNetReminderService(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });

        builder.AddPostgresChangeStream(connectionString);
        builder.Services.AddSingleton<IChangeBuffer>(services =>
            new PostgresChangeBuffer(connectionString, services.GetRequiredService<IOptions<ClusterOptions>>()));
        return builder;
    }

    // The provider's default serializer writes JSON with assembly-qualified $type names, so a renamed or moved
    // state type could no longer be read. Orleans' own serializer finds types by [Alias] and fields by [Id].
    private static void ConfigureGrainStorage(
        OptionsBuilder<AdoNetGrainStorageOptions> options, string connectionString)
    {
        options.Configure<Serializer>((storageOptions, serializer) =>
        {
            storageOptions.Invariant = Invariant;
            storageOptions.ConnectionString = connectionString;
            storageOptions.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        });
    }
}
