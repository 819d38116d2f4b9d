using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dovetail.Grains.Telemetry;

/// <summary>
/// Console logging for Dovetail hosts: one JSON object per line outside development, with the trace and span ids
/// and the scopes (such as the correlation id) of the work that wrote it.
/// </summary>
public static class LoggingBuilderExtensions
{
    public static ILoggingBuilder AddDovetailConsole(this ILoggingBuilder logging, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(environment);

        logging.Configure(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (environment.IsDevelopment())
        {
            return logging;
        }

        logging.ClearProviders();
        logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        return logging;
    }
}
