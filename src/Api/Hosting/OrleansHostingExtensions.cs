using Dovetail.Grains.Hosting;
using Dovetail.Grains.Insights;
using Dovetail.Grains.Telemetry;
using Dovetail.Grains.Warehouse;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Dovetail.Api.Hosting;

/// <summary>
/// Connects the gateway to Orleans, either by hosting a silo in the same process or as a client of a cluster.
/// </summary>
public static class OrleansHostingExtensions
{
    /// <summary>
    /// Hosts the Dovetail silo in this process when <c>Api:HostSilo</c> is true (the default), else configures
    /// an Orleans client through <see cref="ConfigureClient"/>.
    /// </summary>
    public static WebApplicationBuilder AddDovetailOrleans(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var configuration = builder.Configuration;
        var hostSilo = configuration.GetValue($"{ApiOptions.SectionName}:{nameof(ApiOptions.HostSilo)}", true);
        if (hostSilo)
        {
            builder.UseOrleans(silo =>
            {
                silo.AddDovetail(configuration);
                silo.AddDashboard();
            });
        }
        else
        {
            builder.UseOrleansClient(client => client.ConfigureClient(configuration));
        }

        return builder;
    }

    /// <summary>
    /// Maps the Orleans Dashboard at <c>/dashboard</c> when this process hosts the silo; in client mode the
    /// dashboard is served by the silo hosts. When <c>Dashboard:RequireAuthentication</c> is true, the dashboard
    /// requires an API key like the submissions API does.
    /// </summary>
    public static WebApplication MapDashboardWhenHostingSilo(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        if (app.Configuration.GetValue($"{ApiOptions.SectionName}:{nameof(ApiOptions.HostSilo)}", true))
        {
            var dashboard = app.MapOrleansDashboard(routePrefix: "/dashboard");
            var insights = app.MapDovetailInsights();

            // Loads change the warehouse, so they need an API key even where the read-only dashboards are open.
            app.MapDovetailWarehouse().RequireAuthorization();
            if (DashboardAuthentication.IsRequired(app.Configuration))
            {
                dashboard.RequireAuthorization();
                insights.RequireAuthorization();
            }
        }

        return app;
    }

    /// <summary>
    /// Configures the Orleans client used when the gateway does not host a silo.
    /// </summary>
    public static IClientBuilder ConfigureClient(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(configuration);

        client.AddActivityPropagation();

        // With a connection string the gateway finds silos through the same membership table they write. Without
        // one it looks for a local-mode silo on this machine.
        var connectionString = configuration.GetConnectionString(DovetailSiloBuilderExtensions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            client.UseLocalhostClustering(configuration.GetValue(
                $"{DovetailSiloBuilderExtensions.OrleansSectionName}:{nameof(EndpointOptions.GatewayPort)}",
                EndpointOptions.DEFAULT_GATEWAY_PORT));
        }
        else
        {
            client.UsePostgresClustering(connectionString);
            client.Services.Configure<ClusterOptions>(configuration.GetSection(DovetailSiloBuilderExtensions.OrleansSectionName));
        }

        return client;
    }
}
