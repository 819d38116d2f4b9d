namespace Dovetail.Benchmarks.Hosting;

/// <summary>
/// Paths inside the repository that the benchmarks start or read, found from the solution file upwards of the
/// tool's own folder.
/// </summary>
internal sealed class RepositoryLayout
{
    private const string Configuration = "Release";
    private const string TargetFramework = "net10.0";

    private RepositoryLayout(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public string GazetteerDirectory => Path.Combine(Root, "tools", "Gazetteer");

    public string GazetteerAssembly =>
        Path.Combine(GazetteerDirectory, "bin", Configuration, TargetFramework, "Dovetail.Gazetteer.dll");

    public string GazetteerData => Path.Combine(GazetteerDirectory, "data", "cities.json");

    public string ApiDirectory => Path.Combine(Root, "src", "Api");

    public string ApiAssembly => Path.Combine(ApiDirectory, "bin", Configuration, TargetFramework, "Dovetail.Api.dll");

    /// <summary>Folder for the child processes' logs and working files, created on first use.</summary>
    public string ArtifactsDirectory
    {
        get
        {
            var path = Path.Combine(Root, "artifacts", "benchmarks");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    /// <exception cref="BenchmarkSetupException">No folder above the tool contains <c>Orleans.sln</c>.</exception>
    public static RepositoryLayout Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orleans.sln")))
            {
                return new RepositoryLayout(directory.FullName);
            }
        }

        throw new BenchmarkSetupException(
            $"No folder above '{AppContext.BaseDirectory}' contains Orleans.sln; run the tool from its build output "
            + "inside the repository.");
    }
}
