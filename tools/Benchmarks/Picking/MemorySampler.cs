namespace Dovetail.Benchmarks.Picking;

/// <summary>
/// Reads the managed heap size on a dedicated thread at a fixed interval and keeps the maximum, so a short spike
/// between two garbage collections is still seen.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly TimeSpan _interval;
    private readonly Thread _thread;
    private volatile bool _stopRequested;
    private long _peakTotalMemory;
    private long _peakCommittedBytes;
    private long _samples;

    public MemorySampler(TimeSpan interval)
    {
        _interval = interval;
        _thread = new Thread(Run) { IsBackground = true, Name = "memory sampler", Priority = ThreadPriority.AboveNormal };
    }

    /// <summary>The maximum of <see cref="GC.GetTotalMemory(bool)"/> without a collection, in bytes.</summary>
    public long PeakTotalMemory => Interlocked.Read(ref _peakTotalMemory);

    /// <summary>The maximum of <see cref="GCMemoryInfo.TotalCommittedBytes"/> as of the last collection, in bytes.</summary>
    public long PeakCommittedBytes => Interlocked.Read(ref _peakCommittedBytes);

    public long Samples => Interlocked.Read(ref _samples);

    public void Start()
    {
        Sample();
        _thread.Start();
    }

    /// <summary>Stops the thread and takes one last sample, so the state at the end of the run is included.</summary>
    public void Stop()
    {
        _stopRequested = true;
        _thread.Join();
        Sample();
    }

    public void Dispose()
    {
        if (_thread.IsAlive)
        {
            Stop();
        }
    }

    private void Run()
    {
        while (!_stopRequested)
        {
            Sample();
            Thread.Sleep(_interval);
        }
    }

    private void Sample()
    {
        var total = GC.GetTotalMemory(forceFullCollection: false);
        var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;

        // Only this thread writes the peaks while it runs, because Start and Stop sample only when it is not running.
        Interlocked.Exchange(ref _peakTotalMemory, Math.Max(_peakTotalMemory, total));
        Interlocked.Exchange(ref _peakCommittedBytes, Math.Max(_peakCommittedBytes, committed));
        Interlocked.Increment(ref _samples);
    }
}
