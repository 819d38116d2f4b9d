using System.Security.Cryptography;
using System.Text;
using Dovetail.Api.Hosting;
using Dovetail.Api.Logging;
using Dovetail.Grains.Authentication;

namespace Dovetail.Api.Authentication;

/// <summary>
/// The API clients allowed to call the gateway, read from <c>Auth:Clients:{n}:Id</c> and
/// <c>Auth:Clients:{n}:KeyHash</c> (lower-case hex SHA-256 of the key). Keys themselves are never stored.
/// </summary>
public sealed class ApiClientRegistry
{
    private readonly ApiClient[] clients;
    private readonly byte[][] keyHashes;

    public ApiClientRegistry(IEnumerable<ApiClient> clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        this.clients = [.. clients];
        keyHashes = [.. this.clients.Select(client => client.KeyHash)];
    }

    public IReadOnlyList<ApiClient> Clients => clients;

    /// <summary>Returns the lower-case hex SHA-256 of a key, the form stored in configuration.</summary>
    public static string HashKey(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>
    /// Returns the client that owns <paramref name="key"/>, or null. The hashes are compared in constant time.
    /// </summary>
    public ApiClient? FindByKey(string key)
    {
        var index = ApiKeys.IndexOf(key, keyHashes);
        return index < 0 ? null : clients[index];
    }

    /// <summary>
    /// Reads the clients from configuration. In local mode with no clients configured, it adds the development
    /// client <c>dev</c> whose key is <c>Auth:DevelopmentKey</c> or, when that is not set, a random key that
    /// is logged once.
    /// </summary>
    public static ApiClientRegistry FromConfiguration(IConfiguration configuration, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(logger);

        var clients = new List<ApiClient>();
        foreach (var section in configuration.GetSection("Auth:Clients").GetChildren())
        {
            clients.Add(ReadClient(section));
        }

        if (clients.Count > 0)
        {
            return new ApiClientRegistry(clients);
        }

        var hostSilo = configuration.GetValue($"{ApiOptions.SectionName}:{nameof(ApiOptions.HostSilo)}", true);
        if (!hostSilo)
        {
            throw new InvalidOperationException(
                "No API clients are configured. Set Auth:Clients:0:Id and Auth:Clients:0:KeyHash (the lower-case "
                + "hex SHA-256 of the client's key); a development client exists only when Api:HostSilo is true.");
        }

        var developmentKey = configuration["Auth:DevelopmentKey"];
        if (string.IsNullOrEmpty(developmentKey))
        {
            developmentKey = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
            ApiLog.DevelopmentKeyGenerated(logger, ApiKeyDefaults.DevelopmentClientId, developmentKey);
        }
        else
        {
            ApiLog.DevelopmentKeyConfigured(logger, ApiKeyDefaults.DevelopmentClientId);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(developmentKey));
        return new ApiClientRegistry([new ApiClient(ApiKeyDefaults.DevelopmentClientId, hash)]);
    }

    private static ApiClient ReadClient(IConfigurationSection section)
    {
        var id = section["Id"];
        var keyHash = section["KeyHash"];
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new InvalidOperationException($"Configuration value {section.Path}:Id is missing.");
        }

        if (keyHash is null || keyHash.Length != SHA256.HashSizeInBytes * 2 || !keyHash.All(char.IsAsciiHexDigit))
        {
            throw new InvalidOperationException(
                $"Configuration value {section.Path}:KeyHash must be the 64-character hex SHA-256 of the key.");
        }

        return new ApiClient(id, Convert.FromHexString(keyHash));
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
