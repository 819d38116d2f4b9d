using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dovetail.Api.Tests;

/// <summary>
/// A small external gazetteer on a real Kestrel server at 127.0.0.1, serving <c>GET /cities?country=XX</c>
/// with the same fields as the GeoNames list, so that enrichment in the co-hosted silo can complete.
/// </summary>
public sealed class GazetteerStandIn : IAsyncDisposable
{
    private const string Cities = """
        [
          {"name":"Berlin","lat":"52.52437","lng":"13.41053","country":"DE","admin1":"16","admin2":""},
          {"name":"Potsdam","lat":"52.39886","lng":"13.06566","country":"DE","admin1":"11","admin2":""},
          {"name":"Hamburg","lat":"53.55073","lng":"9.99302","country":"DE","admin1":"04","admin2":""},
          {"name":"Köln","lat":"50.93333","lng":"6.95","country":"DE","admin1":"07","admin2":""}
        ]
        """;

    private readonly WebApplication app;

    private GazetteerStandIn(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<GazetteerStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/cities", (string country) => Results.Text(
            string.Equals(country, "DE", StringComparison.Ordinal) ? Cities : "[]", "application/json"));
        await app.StartAsync();

        // After start, Urls contains the address Kestrel bound, with the port it chose.
        var address = app.Urls.Single();
        return new GazetteerStandIn(app) { BaseAddress = new Uri(address + "/") };
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
