using System.Globalization;

namespace Dovetail.Demo.Options;

/// <summary>
/// Parses the demo's command line: <c>--name value</c> or <c>--name=value</c> pairs and a few flags.
/// </summary>
internal static class DemoOptionsParser
{
    public const string HelpText = """
        Usage: demo [options]

        Sends two-part submissions to the Dovetail API and prints a summary.
        Without --api it starts the gazetteer stand-in and the API on free loopback ports and stops them on exit.

        Options:
          --count N               Number of submissions to send (default 300).
          --concurrency N         Number of submissions in flight at once (default 16).
          --seed N                Random seed for place names and delays, so runs repeat (default 1).
          --max-data-delay-ms N   Upper bound of the random wait, in milliseconds, between the first POST
                                  and the additional data (default 3000).
          --timeout-s N           Bound on the whole run, in seconds, including service start-up (default 600).
          --api URL               Base URL of a running API; no services are started. Requires --api-key.
          --api-key KEY           API key sent as X-Api-Key to the running API given by --api.
          --gazetteer URL         Base URL of the running gazetteer stand-in whose /admin/stats counters to
                                  report; only with --api.
          --keep-running          Keep the started services up after the summary until Ctrl-C.
          -h, --help              Show this help.

        Environment:
          DOVETAIL_SUMMARY_FILE   When set, the summary is also written to this path as JSON.

        Exit code: 0 when every submission reached a final status (completed, failed or expired) within the
        timeout and every repeated first POST returned the original id; 1 otherwise; 2 for invalid options.
        """;

    private static readonly HashSet<string> ValueOptions =
    [
        "--count", "--concurrency", "--seed", "--max-data-delay-ms", "--timeout-s", "--api", "--api-key", "--gazetteer",
    ];

    public static DemoOptionsParseResult Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new DemoOptions();

        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = SplitArgument(args[i]);

            if (name is "-h" or "--help")
            {
                return DemoOptionsParseResult.Help();
            }

            if (name == "--keep-running")
            {
                options = options with { KeepRunning = true };
                continue;
            }

            if (!ValueOptions.Contains(name))
            {
                return DemoOptionsParseResult.Invalid($"Unknown option '{name}'. Run with --help to list options.");
            }

            string value;
            if (inlineValue is not null)
            {
                value = inlineValue;
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                return DemoOptionsParseResult.Invalid($"Option {name} requires a value.");
            }

            string? error = null;
            switch (name)
            {
                case "--count":
                    options = options with { Count = ParseInt(name, value, 1, ref error) };
                    break;
                case "--concurrency":
                    options = options with { Concurrency = ParseInt(name, value, 1, ref error) };
                    break;
                case "--seed":
                    options = options with { Seed = ParseInt(name, value, int.MinValue, ref error) };
                    break;
                case "--max-data-delay-ms":
                    options = options with { MaxDataDelayMs = ParseInt(name, value, 0, ref error) };
                    break;
                case "--timeout-s":
                    options = options with { TimeoutSeconds = ParseInt(name, value, 1, ref error) };
                    break;
                case "--api":
                    options = options with { ApiUrl = ParseUrl(name, value, ref error) };
                    break;
                case "--api-key":
                    options = options with { ApiKey = value };
                    break;
                case "--gazetteer":
                    options = options with { GazetteerUrl = ParseUrl(name, value, ref error) };
                    break;
                default:
                    throw new InvalidOperationException($"Option {name} is listed but has no parser.");
            }

            if (error is not null)
            {
                return DemoOptionsParseResult.Invalid(error);
            }
        }

        return Validate(options);
    }

    private static DemoOptionsParseResult Validate(DemoOptions options)
    {
        if (options.UsesRunningApi && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            return DemoOptionsParseResult.Invalid("Option --api requires --api-key with the key the API accepts.");
        }

        if (!options.UsesRunningApi && options.ApiKey is not null)
        {
            return DemoOptionsParseResult.Invalid(
                "Option --api-key is only valid with --api; the demo generates its own key for the services it starts.");
        }

        if (!options.UsesRunningApi && options.GazetteerUrl is not null)
        {
            return DemoOptionsParseResult.Invalid(
                "Option --gazetteer is only valid with --api; without it the demo starts its own stand-in.");
        }

        return DemoOptionsParseResult.Success(options);
    }

    private static (string Name, string? InlineValue) SplitArgument(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (argument.StartsWith("--", StringComparison.Ordinal) && equals > 2)
        {
            return (argument[..equals], argument[(equals + 1)..]);
        }

        return (argument, null);
    }

    private static int ParseInt(string name, string value, int minimum, ref string? error)
    {
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= minimum)
        {
            return number;
        }

        error = $"Invalid value '{value}' for {name}: expected an integer of at least {minimum}.";
        return 0;
    }

    private static Uri? ParseUrl(string name, string value, ref string? error)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            // A trailing slash makes relative paths resolve below the base address, not beside it.
            return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
        }

        error = $"Invalid value '{value}' for {name}: expected an absolute http or https URL.";
        return null;
    }
}
