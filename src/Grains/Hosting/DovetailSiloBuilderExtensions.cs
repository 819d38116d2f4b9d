using System.Net;
using Dovetail.Grains.Abstractions.Warehouse;
using Dovetail.Grains.Changes;
using Dovetail.Grains.Idempotency;
using Dovetail.Grains.Lake;
using Dovetail.Grains.Lake.Buffer;
using Dovetail.Grains.Lookup;
using Dovetail.Grains.Submissions;
using Dovetail.Grains.Warehouse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;

namespace Dovetail.Grains.Hosting;

/// <summary>
/// Configures a silo with Dovetail's grains and providers. Without a <c>ConnectionStrings:Dovetail</c> value the
/// silo runs in local mode (localhost clustering, in-memory state, reminders and streams).
/// </summary>
public static class DovetailSiloBuilderExtensions
{
    /// <summary>The name of the grain storage that contains submissions and idempotency keys.</summary>
    public const string StorageName = "dovetail";

    /// <summary>The configuration section bound to Orleans' <see cref="ClusterOptions"/> in PostgreSQL mode.</summary>
    public const string OrleansSectionName = "Orleans";

    /// <summary>The name of the connection string that switches the silo to PostgreSQL mode.</summary>
    public const string ConnectionStringName = "Dovetail";

    public static ISiloBuilder AddDovetail(this ISiloBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            // Orleans does not report a port that another local silo already listens on, so hosts that share a
            // machine (the demo, the benchmarks) give each silo its own ports.
            var orleans = configuration.GetSection(OrleansSectionName);
            builder.UseLocalhostClustering(
                siloPort: orleans.GetValue(nameof(EndpointOptions.SiloPort), EndpointOptions.DEFAULT_SILO_PORT),
                gatewayPort: orleans.GetValue(nameof(EndpointOptions.GatewayPort), EndpointOptions.DEFAULT_GATEWAY_PORT));
            builder.AddMemoryGrainStorage(StorageName);
            builder.UseInMemoryReminderService();
            builder.AddLocalChangeStream();
        }
        else
        {
            builder.UsePostgres(connectionString, StorageName);

            // Silos and gateways that share a database tell their clusters apart by these ids, so they come from
            // configuration (Orleans:ClusterId, Orleans:ServiceId); Kubernetes hosting sets them from pod labels.
            builder.Services.Configure<ClusterOptions>(configuration.GetSection(OrleansSectionName));
            builder.Services.Configure<EndpointOptions>(options => ConfigureEndpoints(options, configuration));
        }

        return builder.AddDovetailGrains(configuration);
    }

    // Orleans:SiloPort, Orleans:GatewayPort and Orleans:AdvertisedIPAddress let several silos share a host;
    // Kubernetes hosting replaces the address with the pod IP.
    private static void ConfigureEndpoints(EndpointOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection(OrleansSectionName);
        options.SiloPort = section.GetValue(nameof(EndpointOptions.SiloPort), EndpointOptions.DEFAULT_SILO_PORT);
        options.GatewayPort = section.GetValue(nameof(EndpointOptions.GatewayPort), EndpointOptions.DEFAULT_GATEWAY_PORT);
        if (IPAddress.TryParse(section[nameof(EndpointOptions.AdvertisedIPAddress)], out var address))
        {
            options.AdvertisedIPAddress = address;
        }
    }

    /// <summary>
    /// Registers what the grains need (options, lookup client, clock) without choosing clustering, storage or
    /// reminder providers, so a test cluster can bring its own.
    /// </summary>
    public static ISiloBuilder AddDovetailGrains(this ISiloBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);

        var services = builder.Services;

        // Grain calls carry the caller's trace context, so a request, its grain calls and the external call share
        // one trace.
        builder.AddActivityPropagation();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SubmissionOptions>()
            .Bind(configuration.GetSection(SubmissionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ChangeOptions>()
            .Bind(configuration.GetSection(ChangeOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddDovetailLake(configuration);
        services.TryAddSingleton<IChangeBuffer, MemoryChangeBuffer>();
        services.AddDovetailWarehouse(configuration);

        // Every silo registers the daily load's reminder at start. The schedule is the same each time, so the last
        // silo to start does not move it.
        builder.AddStartupTask(static (provider, _) =>
            provider.GetRequiredService<IGrainFactory>().GetGrain<IWarehouseLoadGrain>(0).EnsureScheduledAsync());
        services.AddOptions<IdempotencyOptions>()
            .Bind(configuration.GetSection(IdempotencyOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Orleans rejects reminder periods under its minimum, so a shorter configured period (tests, demos)
        // lowers the minimum with it.
        var period = configuration.GetSection(SubmissionOptions.SectionName).GetValue<TimeSpan?>(nameof(SubmissionOptions.ReminderPeriod));
        if (period is { } configured && configured < TimeSpan.FromMinutes(1))
        {
            services.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = configured);
        }

        services.AddDovetailLookup(configuration);
        return builder;
    }
}
