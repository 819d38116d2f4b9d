using System.Globalization;
using System.Text.RegularExpressions;

namespace Dovetail.Benchmarks.Reading;

/// <summary>
/// Reads the figures from the text that <c>wrk --latency</c> prints.
/// </summary>
internal static partial class WrkOutputParser
{
    /// <exception cref="FormatException">The output lacks the request rate or a latency percentile.</exception>
    public static LoadResult Parse(string output, string generator)
    {
        var rate = RequestsPerSecondLine().Match(output);
        if (!rate.Success)
        {
            throw new FormatException($"The wrk output has no 'Requests/sec' line:{Environment.NewLine}{output}");
        }

        var requests = RequestCountLine().Match(output);
        var nonSuccess = NonSuccessLine().Match(output);
        var socketErrors = SocketErrorsLine().Match(output);
        long errors = nonSuccess.Success ? ParseLong(nonSuccess.Groups["count"].Value) : 0;
        if (socketErrors.Success)
        {
            errors += ParseLong(socketErrors.Groups["connect"].Value) + ParseLong(socketErrors.Groups["read"].Value)
                + ParseLong(socketErrors.Groups["write"].Value) + ParseLong(socketErrors.Groups["timeout"].Value);
        }

        return new LoadResult(
            generator,
            double.Parse(rate.Groups["rate"].Value, CultureInfo.InvariantCulture),
            Percentile(output, "50"),
            Percentile(output, "99"),
            requests.Success ? ParseLong(requests.Groups["count"].Value) : 0,
            errors);
    }

    private static TimeSpan Percentile(string output, string percent)
    {
        foreach (Match line in PercentileLine().Matches(output))
        {
            if (line.Groups["percent"].Value == percent)
            {
                return ParseDuration(line.Groups["value"].Value, line.Groups["unit"].Value);
            }
        }

        throw new FormatException($"The wrk output has no {percent}% latency line; was --latency passed?");
    }

    private static TimeSpan ParseDuration(string value, string unit)
    {
        var number = double.Parse(value, CultureInfo.InvariantCulture);
        return unit switch
        {
            "us" => TimeSpan.FromMicroseconds(number),
            "ms" => TimeSpan.FromMilliseconds(number),
            "s" => TimeSpan.FromSeconds(number),
            "m" => TimeSpan.FromMinutes(number),
            "h" => TimeSpan.FromHours(number),
            _ => throw new FormatException($"Unknown wrk latency unit '{unit}'."),
        };
    }

    private static long ParseLong(string text) => long.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Requests/sec:\s+(?<rate>[\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSecondLine();

    [GeneratedRegex(@"^\s*(?<count>\d+) requests in ", RegexOptions.Multiline)]
    private static partial Regex RequestCountLine();

    [GeneratedRegex(@"^\s*Non-2xx or 3xx responses:\s+(?<count>\d+)", RegexOptions.Multiline)]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(
        @"Socket errors: connect (?<connect>\d+), read (?<read>\d+), write (?<write>\d+), timeout (?<timeout>\d+)")]
    private static partial Regex SocketErrorsLine();

    [GeneratedRegex(@"^\s*(?<percent>\d+)%\s+(?<value>[\d.]+)(?<unit>us|ms|s|m|h)\s*$", RegexOptions.Multiline)]
    private static partial Regex PercentileLine();
}
