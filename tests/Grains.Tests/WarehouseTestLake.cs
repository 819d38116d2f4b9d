using Dovetail.Grains.Abstractions.Changes;
using Dovetail.Grains.Abstractions.Submissions;
using Dovetail.Grains.Lake;
using Microsoft.Extensions.Options;

namespace Dovetail.Grains.Tests;

/// <summary>
/// A lake folder of its own, removed on disposal, with a publisher that writes objects into given days the way the
/// batching grains do.
/// </summary>
internal sealed class WarehouseTestLake : IDisposable
{
    public WarehouseTestLake()
    {
        Publisher = new LakePublisher(
            new LocalLakeStore(Options.Create(new LakeOptions { Root = Root })), TimeProvider.System);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"dovetail-warehouse-{Guid.NewGuid():N}");

    public LakePublisher Publisher { get; }

    /// <summary>
    /// Publishes one object in the window at <paramref name="hour"/> of <paramref name="day"/> with four changes
    /// of each submission in <paramref name="submissionIds"/>, and returns its path.
    /// </summary>
    public async Task<string> PublishAsync(DateOnly day, int hour, long partition, params string[] submissionIds)
    {
        var windowStart = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 5)), TimeSpan.Zero);
        var changes = submissionIds
            .SelectMany(id => Enumerable.Range(1, 4).Select(version => Change(id, version, windowStart.AddSeconds(version))))
            .ToList();
        var manifest = await Publisher.PublishAsync(new LakeBatch(partition, windowStart, 1, changes), CancellationToken.None);
        return manifest.ObjectPath;
    }

    /// <summary>Deletes an object's file and leaves its manifest, as a lake that lost the object would.</summary>
    public void DeleteObject(string objectPath) => File.Delete(Path.Combine(Root, objectPath));

    /// <summary>Copies one object's file over another's, so the second manifest no longer describes its object.</summary>
    public void CopyObject(string fromPath, string toPath) =>
        File.Copy(Path.Combine(Root, fromPath), Path.Combine(Root, toPath), overwrite: true);

    /// <summary>Writes a file with the given text at a path relative to the lake root.</summary>
    public void WriteFile(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Cuts an object's file to its first half, as an interrupted copy would.</summary>
    public void TruncateObject(string objectPath)
    {
        var path = Path.Combine(Root, objectPath);
        using var file = File.Open(path, FileMode.Open);
        file.SetLength(file.Length / 2);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static SubmissionChanged Change(string id, int version, DateTimeOffset at)
    {
        var status = version == 4 ? SubmissionStatus.Completed : SubmissionStatus.Enriching;
        var document = $$"""{"id":"{{id}}","version":{{version}},"status":"{{status.ToWireName()}}","note":"Größe"}""";
        return new SubmissionChanged(
            SubmissionChanged.EventIdOf(id, version), id, version, status, at, "test", "client-a", $"corr-{id}",
            null, document);
    }
}
