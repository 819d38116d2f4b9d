namespace Dovetail.Demo.Hosting;

/// <summary>
/// Paths inside the repository that the demo starts programs from and writes logs to.
/// </summary>
internal sealed record RepositoryLayout(string Root)
{
    private static readonly string[] ReleaseOutput = ["bin", "Release", "net10.0"];

    public string GazetteerProject => Path.Combine(Root, "tools", "Gazetteer");

    public string GazetteerAssembly => Path.Combine([GazetteerProject, .. ReleaseOutput, "Dovetail.Gazetteer.dll"]);

    public string GazetteerData => Path.Combine(GazetteerProject, "data", "cities.json");

    public string ApiProject => Path.Combine(Root, "src", "Api");

    public string ApiAssembly => Path.Combine([ApiProject, .. ReleaseOutput, "Dovetail.Api.dll"]);

    public string ArtifactsDirectory => Path.Combine(Root, "artifacts", "demo");

    /// <summary>
    /// Finds the repository root above the current directory or above this program's own folder.
    /// </summary>
    public static RepositoryLayout Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (Directory.Exists(Path.Combine(directory.FullName, "tools", "Gazetteer"))
                    && Directory.Exists(Path.Combine(directory.FullName, "src", "Api")))
                {
                    return new RepositoryLayout(directory.FullName);
                }
            }
        }

        throw new DemoSetupException(
            "Could not find the repository root (a folder with tools/Gazetteer and src/Api) above "
            + $"'{Directory.GetCurrentDirectory()}' or '{AppContext.BaseDirectory}'. Run the demo from inside the repository.");
    }
}
