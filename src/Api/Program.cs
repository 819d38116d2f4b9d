using Dovetail.Api.Authentication;
using Dovetail.Api.Correlation;
using Dovetail.Api.Hosting;
using Dovetail.Api.Submissions;
using Dovetail.Grains.Health;
using Dovetail.Grains.Hosting;
using Dovetail.Grains.Telemetry;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddDovetailConsole(builder.Environment);
await DovetailSchema.MigrateOnStartAsync(builder.Configuration, CancellationToken.None);
builder.UseDefaultUrl();
builder.AddDovetailOrleans();
builder.Services.AddDovetailApi(builder.Configuration);
builder.Services.AddDovetailTelemetry(builder.Configuration, "dovetail-api");

var app = builder.Build();

// Resolve the client registry before the first request, so a configuration error stops start-up and the
// generated development key is printed at start.
app.Services.GetRequiredService<ApiClientRegistry>();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<CorrelationIdMiddleware>();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi().AllowAnonymous();
app.MapDovetailHealthChecks();
app.MapPrometheusScrapingEndpoint();
app.MapSubmissionsApi();
app.MapDashboardWhenHostingSilo();

app.Run();

/// <summary>The entry point, public so that tests can host the application with WebApplicationFactory.</summary>
public partial class Program;
