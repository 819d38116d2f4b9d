using System.Text;
using Dovetail.Grains.Lake;
using Dovetail.Grains.Lake.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Dovetail.Lake.Tests;

public sealed class LakeStoreRegistrationTests(S3rverFixture s3rver)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void AddDovetailLakeStore_NoBucket_RegistersLocalStore()
    {
        using var services = BuildServices(new Dictionary<string, string?> { ["Lake:Root"] = Path.GetTempPath() });

        var store = services.GetRequiredService<ILakeStore>();

        Assert.IsType<LocalLakeStore>(store);
    }

    [Fact]
    public async Task AddDovetailLakeStore_Bucket_RegistersWorkingS3Store()
    {
        var prefix = S3rverFixture.FreshPrefix();
        using var services = BuildServices(EmulatorSettings(prefix));
        var store = services.GetRequiredService<ILakeStore>();

        using (var content = new MemoryStream(Encoding.UTF8.GetBytes("through the container")))
        {
            await store.PutAsync("changes/a.parquet", content, Cancellation);
        }

        Assert.IsType<S3LakeStore>(store);
        Assert.Equal($"s3://{S3rverFixture.Bucket}/{prefix}", store.Location);
        await using var stream = await s3rver.CreateStore(prefix).OpenReadAsync("changes/a.parquet", Cancellation);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        Assert.Equal("through the container", await reader.ReadToEndAsync(Cancellation));
    }

    [Fact]
    public void AddDovetailLakeStore_StoreAlreadyRegistered_KeepsIt()
    {
        var own = s3rver.CreateStore(S3rverFixture.FreshPrefix());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(EmulatorSettings("other/")).Build();
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<ILakeStore>(own)
            .AddDovetailLakeStore(configuration)
            .BuildServiceProvider();

        Assert.Same(own, services.GetRequiredService<ILakeStore>());
    }

    [Fact]
    public void AddDovetailLakeStore_AccessKeyWithoutSecret_FailsValidation()
    {
        var settings = EmulatorSettings("p/");
        settings["Lake:S3:SecretKey"] = null;
        using var services = BuildServices(settings);

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<S3LakeOptions>>().Value);

        Assert.Contains("Lake:S3:SecretKey", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDovetailLakeStore_RelativeServiceUrl_FailsValidation()
    {
        var settings = EmulatorSettings("p/");
        settings["Lake:S3:ServiceUrl"] = "127.0.0.1:4568";
        using var services = BuildServices(settings);

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<S3LakeOptions>>().Value);

        Assert.Contains("Lake:S3:ServiceUrl", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDovetailLakeStore_EmptyServiceUrl_PassesValidation()
    {
        var settings = EmulatorSettings("p/");
        settings["Lake:S3:ServiceUrl"] = "";
        using var services = BuildServices(settings);

        var options = services.GetRequiredService<IOptions<S3LakeOptions>>().Value;

        Assert.Equal("", options.ServiceUrl);
    }

    private Dictionary<string, string?> EmulatorSettings(string prefix) => new()
    {
        ["Lake:S3:Bucket"] = S3rverFixture.Bucket,
        ["Lake:S3:Prefix"] = prefix,
        ["Lake:S3:ServiceUrl"] = s3rver.ServiceUrl,
        ["Lake:S3:ForcePathStyle"] = "true",
        ["Lake:S3:AccessKey"] = S3rverFixture.AccessKey,
        ["Lake:S3:SecretKey"] = S3rverFixture.SecretKey,
        ["Lake:S3:UseChunkEncoding"] = "false",
        ["Lake:S3:ChecksumWhenRequired"] = "true",
    };

    private static ServiceProvider BuildServices(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddOptions<LakeOptions>().Bind(configuration.GetSection(LakeOptions.SectionName));
        return services
            .AddDovetailLakeStore(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
