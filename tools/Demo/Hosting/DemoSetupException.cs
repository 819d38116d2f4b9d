namespace Dovetail.Demo.Hosting;

/// <summary>
/// Raised when the demo cannot prepare its run: missing files, or services that do not start or become ready.
/// </summary>
internal sealed class DemoSetupException : Exception
{
    public DemoSetupException(string message)
        : base(message)
    {
    }

    public DemoSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
