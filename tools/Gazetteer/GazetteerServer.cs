using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dovetail.Gazetteer;

/// <summary>
/// Builds the stand-in application, for <c>Program</c> and for tests that run it in-process on a real port.
/// </summary>
public static class GazetteerServer
{
    /// <summary>Where the stand-in listens when <c>--urls</c> and <c>ASPNETCORE_URLS</c> are not set.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5070";

    /// <summary>
    /// Builds the application from command-line arguments and configuration, loading the data file at once.
    /// </summary>
    /// <param name="configure">Changes the builder before the data is loaded, for example to set the data path.</param>
    /// <exception cref="FileNotFoundException">The data file is missing.</exception>
    /// <exception cref="InvalidDataException">The data file is not a JSON array of places.</exception>
    /// <exception cref="InvalidOperationException">The configured faults are invalid.</exception>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        configure?.Invoke(builder);

        var settings = builder.Configuration.GetSection(GazetteerSettings.SectionName).Get<GazetteerSettings>()
            ?? new GazetteerSettings();
        var faults = settings.Faults ?? GazetteerFaults.None;
        var faultErrors = faults.Validate();
        if (faultErrors.Count > 0)
        {
            throw new InvalidOperationException(
                $"The configuration section Gazetteer:Faults is invalid: {string.Join(" ", faultErrors)}");
        }

        var dataPath = Path.GetFullPath(settings.DataPath, builder.Environment.ContentRootPath);
        var catalog = CityCatalog.Load(dataPath);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton<RequestRecorder>();
        builder.Services.AddSingleton(services =>
            new FaultInjector(faults, services.GetRequiredService<TimeProvider>()));

        var app = builder.Build();
        app.MapCities();
        app.MapAdmin();

        GazetteerLog.DataLoaded(app.Logger, catalog.Items.Count, catalog.Content.Length, catalog.Path);
        return app;
    }

    /// <summary>
    /// Starts the stand-in in this process on <c>http://127.0.0.1</c> with a free port chosen by the system.
    /// </summary>
    /// <param name="dataPath">Absolute path of the cities array.</param>
    /// <param name="faults">Faults in force from the start; null for none.</param>
    public static async Task<RunningGazetteer> StartAsync(
        string dataPath, GazetteerFaults? faults = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataPath);

        var app = Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration[$"{GazetteerSettings.SectionName}:DataPath"] = Path.GetFullPath(dataPath);

            // A test host logs only what needs attention; the stand-in's request logs would drown test output.
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });

        var running = new RunningGazetteer(app);
        try
        {
            if (faults is not null)
            {
                running.SetFaults(faults);
            }

            await app.StartAsync(cancellationToken);
            return running;
        }
        catch
        {
            await running.DisposeAsync();
            throw;
        }
    }
}
