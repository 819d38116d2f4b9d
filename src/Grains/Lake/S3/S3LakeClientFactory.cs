using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace Dovetail.Grains.Lake.S3;

/// <summary>Builds the S3 client of the lake from <see cref="S3LakeOptions"/>.</summary>
public static class S3LakeClientFactory
{
    public static IAmazonS3 Create(S3LakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var config = new AmazonS3Config { ForcePathStyle = options.ForcePathStyle };
        if (string.IsNullOrEmpty(options.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            // A custom endpoint has no region of its own, so requests are signed for the configured one.
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }

        if (options.ChecksumWhenRequired)
        {
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }

        return string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }
}
