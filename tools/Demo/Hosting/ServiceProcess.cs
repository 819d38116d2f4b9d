using System.Diagnostics;

namespace Dovetail.Demo.Hosting;

/// <summary>
/// A service started with <c>dotnet</c> whose standard output and error go to a log file. Disposing it kills the
/// process tree if it still runs.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private bool _logClosed;

    private ServiceProcess(string name, string logPath, Process process, StreamWriter log)
    {
        Name = name;
        LogPath = logPath;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static ServiceProcess Start(
        string name,
        string assemblyPath,
        string workingDirectory,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        string logPath)
    {
        var startInfo = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add(assemblyPath);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = new Process { StartInfo = startInfo };
        var service = new ServiceProcess(name, logPath, process, log);
        process.OutputDataReceived += (_, line) => service.WriteLog(line.Data);
        process.ErrorDataReceived += (_, line) => service.WriteLog(line.Data);

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException) when (_process.HasExited)
            {
                // The process ended between the check and the kill, which is the state this method wants.
            }
        }

        // Waiting for the exit also drains the redirected output into the log before it is closed.
        using var timeout = new CancellationTokenSource(ExitWait);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested)
        {
            throw new DemoSetupException(
                $"The {Name} process (id {_process.Id}) did not exit within {ExitWait.TotalSeconds} s of being killed.",
                exception);
        }
        finally
        {
            lock (_logLock)
            {
                _logClosed = true;
                _log.Dispose();
            }

            _process.Dispose();
        }
    }

    private void WriteLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            if (!_logClosed)
            {
                _log.WriteLine(line);
            }
        }
    }

    private static string DotnetHost()
    {
        // Under `dotnet Demo.dll` or `dotnet run` this process is the dotnet host itself; use the same one.
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
