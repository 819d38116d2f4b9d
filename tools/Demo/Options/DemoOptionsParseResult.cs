namespace Dovetail.Demo.Options;

/// <summary>
/// Outcome of parsing the command line: options, a request for help, or an error message.
/// </summary>
internal sealed record DemoOptionsParseResult(DemoOptions? Options, bool ShowHelp, string? Error)
{
    public static DemoOptionsParseResult Success(DemoOptions options) => new(options, false, null);

    public static DemoOptionsParseResult Help() => new(null, true, null);

    public static DemoOptionsParseResult Invalid(string error) => new(null, false, error);
}
