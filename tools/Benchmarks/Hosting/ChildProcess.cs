using System.Diagnostics;

namespace Dovetail.Benchmarks.Hosting;

/// <summary>
/// A process started with the <c>dotnet</c> host whose standard output and error go to a log file. Disposing it
/// kills the process tree by its id when it still runs.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private bool _logClosed;

    private ChildProcess(string name, string logPath, Process process, StreamWriter log)
    {
        Name = name;
        LogPath = logPath;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public string LogPath { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The processor time the process has used so far, user and kernel, read fresh on every call.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts <c>dotnet ASSEMBLY ARGUMENTS</c> in <paramref name="workingDirectory"/>.</summary>
    public static ChildProcess Start(
        string name,
        string assemblyPath,
        string workingDirectory,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        string logPath)
    {
        if (!File.Exists(assemblyPath))
        {
            throw new FileNotFoundException(
                $"The {name} assembly '{assemblyPath}' is missing. Build it in Release first, or run scripts/bench.sh.",
                assemblyPath);
        }

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
        var child = new ChildProcess(name, logPath, process, log);
        process.OutputDataReceived += (_, line) => child.WriteLog(line.Data);
        process.ErrorDataReceived += (_, line) => child.WriteLog(line.Data);

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
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

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
