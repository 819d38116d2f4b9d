using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dovetail.Grains.Telemetry;

/// <summary>
/// The <c>Dashboard:RequireAuthentication</c> setting (default false) and, for the silo host, an API key check
/// for the Orleans Dashboard. The silo accepts the keys of the gateway's clients (<c>Auth:Clients:{n}:KeyHash</c>,
/// the lower-case hex SHA-256 of a key), so one key opens the dashboard on either host.
/// </summary>
public static class DashboardAuthentication
{
    public const string RequireAuthenticationKey = "Dashboard:RequireAuthentication";

    /// <summary>The authentication scheme and authorization policy that the silo host puts on the dashboard.</summary>
    public const string SchemeName = "DashboardKey";

    public static bool IsRequired(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetValue(RequireAuthenticationKey, false);
    }

    /// <summary>
    /// Registers the <see cref="SchemeName"/> scheme and policy, which accept a configured client key in
    /// <c>X-Api-Key</c> or <c>Authorization: Bearer</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No client key is configured, or a key hash is malformed.</exception>
    public static IServiceCollection AddDashboardKeyAuthentication(
        this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var keyHashes = ReadKeyHashes(configuration);
        services.AddSingleton(new DashboardKeys(keyHashes));
        services.AddAuthentication(SchemeName)
            .AddScheme<AuthenticationSchemeOptions, DashboardKeyAuthenticationHandler>(SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(SchemeName, new AuthorizationPolicyBuilder(SchemeName).RequireAuthenticatedUser().Build());
        return services;
    }

    private static List<byte[]> ReadKeyHashes(IConfiguration configuration)
    {
        var hashes = new List<byte[]>();
        foreach (var client in configuration.GetSection("Auth:Clients").GetChildren())
        {
            var keyHash = client["KeyHash"];
            if (keyHash is null || keyHash.Length != SHA256.HashSizeInBytes * 2 || !keyHash.All(char.IsAsciiHexDigit))
            {
                throw new InvalidOperationException(
                    $"Configuration value {client.Path}:KeyHash must be the 64-character hex SHA-256 of the key.");
            }

            hashes.Add(Convert.FromHexString(keyHash));
        }

        if (hashes.Count == 0)
        {
            throw new InvalidOperationException(
                $"{RequireAuthenticationKey} is true but no keys are configured. Set Auth:Clients:0:KeyHash to the "
                + "lower-case hex SHA-256 of a key, or set the option to false.");
        }

        return hashes;
    }
}
