using Dovetail.Gazetteer;

// A stand-in for the external gazetteer API: serves the GeoNames cities list with injectable faults.
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
