using System.Runtime.InteropServices;

namespace Dovetail.Demo;

/// <summary>
/// Turns the first SIGINT (Ctrl-C) or SIGTERM into a cancellation, so the demo stops its services and prints what
/// it has. A second signal is left to its default action and ends the process at once.
/// </summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _run;
    private readonly TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public StopSignal(CancellationTokenSource run)
    {
        _run = run;
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);
    }

    public bool Requested => _requested.Task.IsCompleted;

    public Task WaitAsync() => _requested.Task;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        if (!_requested.TrySetResult())
        {
            return;
        }

        context.Cancel = true;
        _run.Cancel();
    }
}
