namespace Dovetail.Benchmarks;

/// <summary>
/// The system load averages, printed next to the figures because other work on the machine changes them.
/// </summary>
internal static class MachineLoad
{
    private const string LoadAveragePath = "/proc/loadavg";

    /// <summary>Returns the 1, 5 and 15 minute load averages from <c>/proc/loadavg</c>, or "unknown" off Linux.</summary>
    public static string Describe()
    {
        if (!File.Exists(LoadAveragePath))
        {
            return "load average unknown";
        }

        var fields = File.ReadAllText(LoadAveragePath).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 3 ? $"load average {fields[0]} {fields[1]} {fields[2]}" : "load average unknown";
    }
}
