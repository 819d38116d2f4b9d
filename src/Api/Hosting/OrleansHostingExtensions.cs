using Dovetail.Grains.Hosting;

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
            builder.UseOrleans(silo => silo.AddDovetail(configuration));
        }
        else
        {
            builder.UseOrleansClient(client => client.ConfigureClient(configuration));
        }

        return builder;
    }

    /// <summary>
    /// Configures the Orleans client used when the gateway does not host a silo.
    /// </summary>
    public static IClientBuilder ConfigureClient(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(configuration);

        // TODO: PostgreSQL (ADO.NET) clustering for the client is not wired yet, so a gateway with
        // Api:HostSilo=false can only reach a silo on this machine.
        client.UseLocalhostClustering();
        return client;
    }
}
