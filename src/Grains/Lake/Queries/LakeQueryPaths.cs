namespace Dovetail.Grains.Lake.Queries;

/// <summary>
/// Paths of the query step's results and dead-letter entries. Both mirror the object's path below
/// <c>changes/</c>, so each object has exactly one result path and one dead-letter path, and either maps back
/// to the object.
/// </summary>
public static class LakeQueryPaths
{
    public const string ObjectPrefix = LakeObjectName.ObjectPrefix;

    public const string ObjectSuffix = LakeObjectName.ObjectSuffix;

    public const string ResultPrefix = "results/object-summary/";

    public const string DeadLetterPrefix = "dead-letter/object-summary/";

    private const string JsonSuffix = ".json";

    /// <summary>
    /// Returns the result path of an object, such as <c>results/object-summary/date=2026-12-04/hour=17/p003-20261204T170500Z-0001.json</c>.
    /// </summary>
    public static string ResultPath(string objectPath) => ResultPrefix + RelativeName(objectPath) + JsonSuffix;

    /// <summary>Returns the dead-letter path of an object, under <see cref="DeadLetterPrefix"/>.</summary>
    public static string DeadLetterPath(string objectPath) => DeadLetterPrefix + RelativeName(objectPath) + JsonSuffix;

    /// <summary>Returns the object path that a dead-letter path was made from.</summary>
    /// <exception cref="ArgumentException">The path is not a dead-letter path of this query.</exception>
    public static string ObjectPathOfDeadLetter(string deadLetterPath)
    {
        ArgumentNullException.ThrowIfNull(deadLetterPath);
        if (!deadLetterPath.StartsWith(DeadLetterPrefix, StringComparison.Ordinal)
            || !deadLetterPath.EndsWith(JsonSuffix, StringComparison.Ordinal)
            || deadLetterPath.Length <= DeadLetterPrefix.Length + JsonSuffix.Length)
        {
            throw new ArgumentException(
                $"The path '{deadLetterPath}' is not a dead-letter entry; expected '{DeadLetterPrefix}<name>{JsonSuffix}'.",
                nameof(deadLetterPath));
        }

        var relative = deadLetterPath[DeadLetterPrefix.Length..^JsonSuffix.Length];
        return ObjectPrefix + relative + ObjectSuffix;
    }

    /// <summary>Throws unless <paramref name="objectPath"/> names a change object under <c>changes/</c>.</summary>
    /// <exception cref="ArgumentException">The path is not a change object's path.</exception>
    public static void Validate(string objectPath) => RelativeName(objectPath);

    private static string RelativeName(string objectPath)
    {
        ArgumentNullException.ThrowIfNull(objectPath);
        if (!objectPath.StartsWith(ObjectPrefix, StringComparison.Ordinal)
            || !objectPath.EndsWith(ObjectSuffix, StringComparison.Ordinal)
            || objectPath.Length <= ObjectPrefix.Length + ObjectSuffix.Length)
        {
            throw new ArgumentException(
                $"The path '{objectPath}' is not a change object; expected '{ObjectPrefix}<name>{ObjectSuffix}'.",
                nameof(objectPath));
        }

        return objectPath[ObjectPrefix.Length..^ObjectSuffix.Length];
    }
}
