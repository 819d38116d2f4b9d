using Dovetail.Grains.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dovetail.Grains.Health;

/// <summary>
/// Registers and maps the liveness and readiness endpoints shared by the silo and the API hosts.
/// </summary>
public static class DovetailHealthChecks
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddDovetailHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks();
        checks.Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
            "cluster", provider => ActivatorUtilities.CreateInstance<ClusterHealthCheck>(provider), null, [ReadyTag]));

        var connectionString = configuration.GetConnectionString(DovetailSiloBuilderExtensions.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            checks.Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                "postgresql", _ => new PostgresHealthCheck(connectionString), null, [ReadyTag]));
        }

        return services;
    }

    /// <summary>
    /// Maps <c>/health/live</c>, which runs no check and succeeds while the process serves requests, and
    /// <c>/health/ready</c>, which runs the cluster and database checks.
    /// </summary>
    public static IEndpointRouteBuilder MapDovetailHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}
