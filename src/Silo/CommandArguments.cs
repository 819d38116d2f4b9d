namespace Dovetail.Silo;

/// <summary>
/// Splits a command's arguments into settings (<c>--Key=value</c>, read as configuration) and the command's own.
/// </summary>
internal static class CommandArguments
{
    /// <summary>Returns the arguments of the form <c>--Key=value</c>.</summary>
    public static string[] SettingsOf(IEnumerable<string> arguments) => [.. arguments.Where(IsSetting)];

    /// <summary>Returns the arguments that are not settings: the command's words, flags and their values.</summary>
    public static List<string> OwnOf(IEnumerable<string> arguments) => [.. arguments.Where(argument => !IsSetting(argument))];

    private static bool IsSetting(string argument) =>
        argument.StartsWith("--", StringComparison.Ordinal) && argument.IndexOf('=', StringComparison.Ordinal) > 2;
}
