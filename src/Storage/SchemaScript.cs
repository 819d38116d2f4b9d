using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Dovetail.Storage;

/// <summary>A numbered SQL file embedded in this assembly, applied in file-name order.</summary>
/// <param name="FileName">The file name, for example <c>0002_clustering.sql</c>.</param>
/// <param name="Text">The SQL text.</param>
/// <param name="Checksum">The lower-case hexadecimal SHA-256 of the UTF-8 text.</param>
public sealed record SchemaScript(string FileName, string Text, string Checksum)
{
    private const string ResourcePrefix = "Dovetail.Storage.Sql.";

    /// <summary>Loads every embedded SQL file, ordered by file name.</summary>
    public static IReadOnlyList<SchemaScript> LoadAll()
    {
        var assembly = typeof(SchemaScript).Assembly;
        var scripts = new List<SchemaScript>();

        foreach (var resourceName in assembly.GetManifestResourceNames())
        {
            if (!resourceName.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                || !resourceName.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var text = ReadResource(assembly, resourceName);
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            scripts.Add(new SchemaScript(resourceName[ResourcePrefix.Length..], text, checksum));
        }

        scripts.Sort((left, right) => string.CompareOrdinal(left.FileName, right.FileName));
        return scripts;
    }

    private static string ReadResource(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The embedded SQL resource '{resourceName}' could not be opened.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
