using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Dovetail.Gazetteer;

/// <summary>
/// A stand-in started in-process. Disposing it stops the server.
/// </summary>
public sealed class RunningGazetteer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FaultInjector _faults;
    private readonly RequestRecorder _recorder;

    internal RunningGazetteer(WebApplication app)
    {
        _app = app;
        _faults = app.Services.GetRequiredService<FaultInjector>();
        _recorder = app.Services.GetRequiredService<RequestRecorder>();
    }

    /// <summary>The address the server listens on, with a trailing slash, for <c>HttpClient.BaseAddress</c>.</summary>
    /// <exception cref="InvalidOperationException">The server has not started.</exception>
    public Uri BaseAddress
    {
        get
        {
            var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
            var address = addresses?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The gazetteer stand-in is not listening yet.");
            return new Uri(address.TrimEnd('/') + "/");
        }
    }

    /// <summary>The faults in force, with <c>FailFirst</c> showing how many forced failures remain.</summary>
    public GazetteerFaults Faults => _faults.Current;

    /// <summary>The most recent <c>/cities</c> requests, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _recorder.Snapshot();

    public GazetteerStats Stats => _recorder.Stats();

    /// <summary>Replaces every fault, as <c>PUT /admin/faults</c> does.</summary>
    /// <exception cref="ArgumentException">A value is invalid.</exception>
    public void SetFaults(GazetteerFaults faults) => _faults.Replace(faults);

    /// <summary>Turns every fault off, as <c>DELETE /admin/faults</c> does.</summary>
    public void ResetFaults() => _faults.Replace(GazetteerFaults.None);

    /// <summary>Forgets recorded requests and counts, as <c>DELETE /admin/requests</c> does.</summary>
    public void ClearRequests() => _recorder.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
