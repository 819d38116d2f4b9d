using Dovetail.Grains.Health;
using Dovetail.Grains.Hosting;
using Dovetail.Grains.Insights;
using Dovetail.Grains.Telemetry;
using Dovetail.Grains.Warehouse;
using Dovetail.Silo;
using Orleans.Dashboard;

// A command's own words and flags, such as `warehouse load --date D --force`, are not settings: the command-line
// configuration would read `--force` as the name of a setting whose value is the next argument. Commands therefore
// pass on only arguments of the form --Key=value.
var isCommand = args.Contains("migrate") || args.FirstOrDefault() is LakeCommand.Name or WarehouseCommand.Name;
var builder = WebApplication.CreateBuilder(isCommand ? CommandArguments.SettingsOf(args) : args);
builder.Logging.AddDovetailConsole(builder.Environment);

if (args.Contains("migrate"))
{
    return await MigrateCommand.RunAsync(builder.Configuration);
}

if (args.FirstOrDefault() == LakeCommand.Name)
{
    return await LakeCommand.RunAsync(args, builder.Configuration);
}

if (args.FirstOrDefault() == WarehouseCommand.Name)
{
    return await WarehouseCommand.RunAsync(args, builder.Configuration);
}

// Applying the schema at start-up suits development and single-silo set-ups; clusters run `migrate` once instead.
await DovetailSchema.MigrateOnStartAsync(builder.Configuration, CancellationToken.None);

builder.UseOrleans(silo =>
{
    silo.AddDovetail(builder.Configuration);
    silo.AddDashboard();

    // Kubernetes hosting fails at start outside a cluster, so it is switched on only where Kubernetes sets
    // its service host variable. Membership stays on ADO.NET clustering either way.
    if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST")))
    {
        silo.UseKubernetesHosting();
    }
});
builder.Services.AddDovetailHealthChecks(builder.Configuration);
builder.Services.AddDovetailTelemetry(builder.Configuration, "dovetail-silo");

// The dashboard shows grain activity across the cluster, so deployments reachable by others set
// Dashboard:RequireAuthentication and give the keys that may open it.
var dashboardRequiresKey = DashboardAuthentication.IsRequired(builder.Configuration);
if (dashboardRequiresKey)
{
    builder.Services.AddDashboardKeyAuthentication(builder.Configuration);
}

// Kubernetes gives a pod its termination grace period before killing it. The host's shutdown timeout stays below
// it, so a silo can hand its grains over and leave the membership table in time.
builder.Services.Configure<HostOptions>(options =>
    options.ShutdownTimeout = builder.Configuration.GetValue("Silo:ShutdownTimeout", TimeSpan.FromSeconds(45)));

var app = builder.Build();
var dashboard = app.MapOrleansDashboard(routePrefix: "/dashboard");
var insights = app.MapDovetailInsights();
if (dashboardRequiresKey)
{
    app.UseAuthentication();
    app.UseAuthorization();
    dashboard.RequireAuthorization(DashboardAuthentication.SchemeName);
    insights.RequireAuthorization(DashboardAuthentication.SchemeName);

    // Loads change the warehouse, so a silo host takes them only when it checks keys.
    app.MapDovetailWarehouse().RequireAuthorization(DashboardAuthentication.SchemeName);
}

app.MapDovetailHealthChecks();
app.MapPrometheusScrapingEndpoint();
await app.RunAsync();
return 0;
