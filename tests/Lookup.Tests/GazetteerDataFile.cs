namespace Dovetail.Lookup.Tests;

/// <summary>
/// Finds the real cities array that <c>scripts/fetch-gazetteer.sh</c> puts in place.
/// </summary>
internal static class GazetteerDataFile
{
    /// <exception cref="InvalidOperationException">The repository root or the data file is missing.</exception>
    public static string Path
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Orleans.sln")))
            {
                directory = directory.Parent;
            }

            if (directory is null)
            {
                throw new InvalidOperationException(
                    $"The repository root (the folder with Orleans.sln) was not found above {AppContext.BaseDirectory}.");
            }

            var path = System.IO.Path.Combine(directory.FullName, "tools", "Gazetteer", "data", "cities.json");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException(
                    $"The gazetteer data file {path} is missing. Run scripts/fetch-gazetteer.sh first.");
        }
    }
}
