using Dovetail.Api.Hosting;
using Dovetail.Grains.Abstractions.Submissions;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Dovetail.Api.Submissions;

/// <summary>
/// Keeps the documents of submissions in a final status (completed, failed, expired) in gateway memory. A final
/// submission never changes again, so a cached document can never be stale, and repeated reads of finished
/// submissions skip the grain call. Documents that may still change are never cached.
/// </summary>
internal sealed class FinalDocumentCache : IDisposable
{
    private readonly MemoryCache _cache;

    public FinalDocumentCache(IOptions<ApiOptions> options)
    {
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.FinalDocumentCacheBytes });
    }

    /// <summary>Returns the cached view of <paramref name="submissionId"/> when it belongs to <paramref name="clientId"/>.</summary>
    public bool TryGet(string clientId, string submissionId, out SubmissionView view)
    {
        // The key contains the client id, so a client can never be served another client's document.
        if (_cache.TryGetValue(Key(clientId, submissionId), out SubmissionView? cached) && cached is not null)
        {
            view = cached;
            return true;
        }

        view = null!;
        return false;
    }

    /// <summary>Caches <paramref name="view"/> when its status is final; other views are ignored.</summary>
    public void AddIfFinal(string clientId, SubmissionView view)
    {
        if (!view.Status.IsFinal())
        {
            return;
        }

        var options = new MemoryCacheEntryOptions { Size = view.Utf8Json.Length + 256 };
        _cache.Set(Key(clientId, view.Id), view, options);
    }

    public void Dispose() => _cache.Dispose();

    private static string Key(string clientId, string submissionId) => $"{clientId}\n{submissionId}";
}
