using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace Dovetail.Grains.Lake;

/// <summary>
/// A lake in a local folder. Each object is written to a temporary file beside its target and renamed into place,
/// which is atomic on one file system.
/// </summary>
public sealed class LocalLakeStore(IOptions<LakeOptions> options) : ILakeStore
{
    // Temporary files end with this suffix, so that listings skip objects still being written.
    private const string TemporarySuffix = ".tmp";

    private readonly string _root = Path.GetFullPath(options.Value.Root);

    public string Root => _root;

    public string Location => _root;

    public async Task PutAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var target = FullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.{Guid.NewGuid():N}{TemporarySuffix}";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);

                // The rename publishes the object, so its bytes must be on disk first.
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        var target = FullPath(path);
        Stream? stream = File.Exists(target)
            ? new FileStream(target, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        await Task.CompletedTask;

        // A prefix may end inside a folder name, so the listing starts at the deepest whole folder it names.
        var folder = prefix.Contains('/', StringComparison.Ordinal) ? prefix[..prefix.LastIndexOf('/')] : "";
        var start = Path.Combine(_root, folder);
        if (!Directory.Exists(start))
        {
            yield break;
        }

        var paths = Directory.EnumerateFiles(start, "*", SearchOption.AllDirectories)
            .Where(file => !file.EndsWith(TemporarySuffix, StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(relative => relative.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return path;
        }
    }

    public Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        File.Delete(FullPath(path));
        return Task.CompletedTask;
    }

    private string FullPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(Path.Combine(_root, path));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The lake path '{path}' points outside the lake root.", nameof(path));
        }

        return full;
    }
}
