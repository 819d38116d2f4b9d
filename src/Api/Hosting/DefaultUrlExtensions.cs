namespace Dovetail.Api.Hosting;

/// <summary>
/// Chooses the listening address when none is configured.
/// </summary>
public static class DefaultUrlExtensions
{
    /// <summary>The address used when neither <c>--urls</c>, <c>ASPNETCORE_URLS</c> nor Kestrel endpoints are set.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplicationBuilder UseDefaultUrl(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var configuration = builder.Configuration;
        var hasUrls = !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey]);
        var hasEndpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!hasUrls && !hasEndpoints)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }
}
