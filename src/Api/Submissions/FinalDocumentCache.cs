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
        if (TryGetDocument(clientId, submissionId, out var document))
        {
            view = document.View;
            return true;
        }

        view = null!;
        return false;
    }

    /// <summary>
    /// Returns the cached document of <paramref name="submissionId"/>, with its precomputed headers and result, when
    /// it belongs to <paramref name="clientId"/>.
    /// </summary>
    public bool TryGetDocument(string clientId, string submissionId, out FinalDocument document)
    {
        // The key contains the client id, so a client can never be served another client's document.
        if (_cache.TryGetValue(new Key(clientId, submissionId), out FinalDocument? cached) && cached is not null)
        {
            document = cached;
            return true;
        }

        document = null!;
        return false;
    }

    /// <summary>
    /// Caches <paramref name="view"/> when its status is final and returns its document; returns null for other
    /// views, which are not cached.
    /// </summary>
    public FinalDocument? AddIfFinal(string clientId, SubmissionView view)
    {
        ArgumentNullException.ThrowIfNull(view);

        if (!view.Status.IsFinal())
        {
            return null;
        }

        var document = new FinalDocument(view);
        var options = new MemoryCacheEntryOptions { Size = view.Utf8Json.Length + 256 };
        _cache.Set(new Key(clientId, view.Id), document, options);
        return document;
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>The cache key: a record compares both ids by value, without joining them into a new string.</summary>
    private sealed record Key(string ClientId, string SubmissionId);
}
