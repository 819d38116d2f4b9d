using System.Diagnostics;
using System.Text.Json;
using Dovetail.Grains.Lake;

namespace Dovetail.Benchmarks.Lake;

/// <summary>
/// Polls the lake's <c>manifests/</c> folder and records when each manifest first appears. The store renames each
/// manifest into place after its object, so a manifest found here describes a whole object.
/// </summary>
internal sealed class ManifestWatcher
{
    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web);

    private readonly string _manifestFolder;
    private readonly Dictionary<string, ObservedManifest> _seen = new(StringComparer.Ordinal);
    private bool _flushRequested;

    public ManifestWatcher(string lakeRoot)
    {
        _manifestFolder = Path.Combine(lakeRoot, "manifests");
    }

    public IReadOnlyCollection<ObservedManifest> Manifests => _seen.Values;

    /// <summary>The records in all manifests seen so far.</summary>
    public long Records { get; private set; }

    /// <summary>The timestamp of the poll that brought <see cref="Records"/> to its current value.</summary>
    public long LastGrowthTimestamp { get; private set; }

    /// <summary>Marks the manifests seen from now on as published by the flush rather than by the size limit.</summary>
    public void MarkFlushRequested() => _flushRequested = true;

    /// <summary>Lists the folder once and reads the manifests not seen before; returns how many were new.</summary>
    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_manifestFolder))
        {
            return 0;
        }

        var timestamp = Stopwatch.GetTimestamp();
        var added = 0;
        foreach (var path in Directory.EnumerateFiles(_manifestFolder, "*.manifest.json", SearchOption.AllDirectories))
        {
            if (_seen.ContainsKey(path))
            {
                continue;
            }

            await using var stream = File.OpenRead(path);
            var manifest = await JsonSerializer.DeserializeAsync<LakeManifest>(stream, ManifestJson, cancellationToken)
                ?? throw new BenchmarkSetupException($"The manifest '{path}' is empty.");
            _seen.Add(path, new ObservedManifest(manifest, timestamp, !_flushRequested));
            Records += manifest.Records;
            added++;
        }

        if (added > 0)
        {
            LastGrowthTimestamp = timestamp;
        }

        return added;
    }
}
