namespace Dovetail.PostgreSql.Tests.Submissions;

/// <summary>Finds the cities file that <c>scripts/fetch-gazetteer.sh</c> downloads for the gazetteer stand-in.</summary>
internal static class GazetteerDataFile
{
    public static string Path
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "Orleans.sln")))
            {
                folder = folder.Parent;
            }

            if (folder is null)
            {
                throw new InvalidOperationException(
                    $"No folder above {AppContext.BaseDirectory} contains Orleans.sln, "
                    + "so the gazetteer data file cannot be found.");
            }

            var path = System.IO.Path.Combine(folder.FullName, "tools", "Gazetteer", "data", "cities.json");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"{path} is missing; run scripts/fetch-gazetteer.sh first.");
        }
    }
}
