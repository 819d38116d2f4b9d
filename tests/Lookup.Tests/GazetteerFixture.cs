using Dovetail.Gazetteer;
using Dovetail.Grains.Lookup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Dovetail.Lookup.Tests;

/// <summary>
/// The real gazetteer stand-in on 127.0.0.1 with a free port, serving the real cities array, shared by the tests
/// of one class. Each test sets the faults it needs, because the tests of a class run one after another.
/// </summary>
public sealed class GazetteerFixture : IAsyncLifetime
{
    private RunningGazetteer? _server;

    public RunningGazetteer Server =>
        _server ?? throw new InvalidOperationException("The gazetteer stand-in has not started.");

    public async ValueTask InitializeAsync()
    {
        _server = await GazetteerServer.StartAsync(
            GazetteerDataFile.Path, cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>
    /// Builds a service provider the way a silo does, through <c>AddDovetailLookup</c>, aimed at this server.
    /// </summary>
    /// <param name="settings">Extra <c>Lookup:*</c> settings, such as <c>("CallTimeout", "00:00:00.2")</c>.</param>
    public ServiceProvider CreateServices(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Lookup:BaseAddress"] = Server.BaseAddress.ToString(),
        };
        foreach (var (key, value) in settings)
        {
            values[$"Lookup:{key}"] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddDovetailLookup(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
