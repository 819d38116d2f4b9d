namespace Dovetail.Gazetteer;

/// <summary>
/// A stand-in for the external gazetteer API: serves the GeoNames cities list with injectable faults.
/// </summary>
/// <remarks>
/// An explicit entry point in a namespace, rather than top-level statements, keeps this program's type apart from
/// the API's <c>Program</c> in test projects that reference both.
/// </remarks>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        WebApplication app;
        try
        {
            app = GazetteerServer.Build(args);
        }
        catch (Exception exception) when (exception is FileNotFoundException or InvalidDataException
            or InvalidOperationException)
        {
            // No logger exists before the host is built, so report the start-up failure on standard error.
            await Console.Error.WriteLineAsync($"The gazetteer stand-in failed to start: {exception.Message}");
            return 1;
        }

        await app.RunAsync();
        return 0;
    }
}
