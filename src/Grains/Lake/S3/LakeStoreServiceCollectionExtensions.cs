using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dovetail.Grains.Lake.S3;

/// <summary>Registers the lake's object store: an S3 bucket when one is configured, otherwise a local folder.</summary>
public static class LakeStoreServiceCollectionExtensions
{
    /// <summary>The service key of the <see cref="IAmazonS3"/> client that the S3 lake store uses.</summary>
    public const string S3ClientKey = "Dovetail.Lake.S3";

    /// <summary>
    /// Registers <see cref="ILakeStore"/> as <see cref="S3LakeStore"/> when <c>Lake:S3:Bucket</c> is set, with
    /// <see cref="S3LakeOptions"/> validated at start-up and a keyed <see cref="IAmazonS3"/> built from them;
    /// otherwise as <see cref="LocalLakeStore"/>, which reads <see cref="LakeOptions"/> that the caller binds.
    /// Registrations already present win, so a test can bring its own store.
    /// </summary>
    public static IServiceCollection AddDovetailLakeStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(S3LakeOptions.SectionName);
        if (string.IsNullOrEmpty(section[nameof(S3LakeOptions.Bucket)]))
        {
            services.TryAddSingleton<ILakeStore, LocalLakeStore>();
            return services;
        }

        services.AddOptions<S3LakeOptions>()
            .Bind(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The container owns the client and disposes it with the host.
        services.TryAddKeyedSingleton(S3ClientKey, (provider, _) =>
            S3LakeClientFactory.Create(provider.GetRequiredService<IOptions<S3LakeOptions>>().Value));
        services.TryAddSingleton<ILakeStore, S3LakeStore>();
        return services;
    }
}
