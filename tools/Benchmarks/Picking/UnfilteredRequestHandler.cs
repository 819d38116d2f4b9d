namespace Dovetail.Benchmarks.Picking;

/// <summary>
/// Drops the query string of each request, so that <c>cities?country=XX</c> fetches the whole gazetteer array. The
/// client's <see cref="Dovetail.Grains.Lookup.PlaceMatcher"/> still filters by country, so the pick is unchanged
/// and only the number of items streamed grows.
/// </summary>
internal sealed class UnfilteredRequestHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } address)
        {
            request.RequestUri = new UriBuilder(address) { Query = string.Empty }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
