using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dovetail.Grains.Telemetry;

/// <summary>
/// Registers OpenTelemetry traces and metrics for a Dovetail host: ASP.NET Core, HttpClient, Npgsql, Orleans and
/// Dovetail's own sources. Traces and metrics go over OTLP when <c>Telemetry:OtlpEndpoint</c> (or the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable) is set, and metrics are also served for Prometheus at
/// <c>/metrics</c>.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The Orleans source of grain call spans, published when activity propagation is on.</summary>
    public const string OrleansApplicationSource = "Microsoft.Orleans.Application";

    public static IServiceCollection AddDovetailTelemetry(
        this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var otlpEndpoint = configuration["Telemetry:OtlpEndpoint"]
            ?? Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT");
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(DovetailActivitySource.Name, OrleansApplicationSource)
                    .AddAspNetCoreInstrumentation(options =>
                        options.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                if (!string.IsNullOrWhiteSpace(otlpEndpoint))
                {
                    tracing.AddOtlpExporter(options => options.Endpoint = new Uri(otlpEndpoint));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter("Microsoft.Orleans", DovetailActivitySource.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddPrometheusExporter();
                if (!string.IsNullOrWhiteSpace(otlpEndpoint))
                {
                    metrics.AddOtlpExporter(options => options.Endpoint = new Uri(otlpEndpoint));
                }
            });
        return services;
    }
}
