namespace Dovetail.Benchmarks;

/// <summary>
/// A benchmark could not be prepared: a process failed to start, or the system under test returned an unexpected response.
/// </summary>
internal sealed class BenchmarkSetupException : Exception
{
    public BenchmarkSetupException()
    {
    }

    public BenchmarkSetupException(string message)
        : base(message)
    {
    }

    public BenchmarkSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
