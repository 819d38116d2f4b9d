using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Lake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

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
        ConfigureDelivery(builder.Services);
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
        ConfigureDelivery(builder.Services);
        return builder;
    }

    // For an implicit subscription, the pulling agent retries a failed delivery until MaxEventDeliveryTime and
    // then moves on without the event. The batching grain fails a delivery only when it cannot buffer the event,
    // so the lake's longer limit lets an outage of the buffer pass without losing the event.
    private static void ConfigureDelivery(IServiceCollection services) =>
        services.AddOptions<StreamPullingAgentOptions>(ChangeStreams.ProviderName)
            .Configure<IOptions<LakeOptions>>((agent, lake) => agent.MaxEventDeliveryTime = lake.Value.MaxDeliveryTime);
}
