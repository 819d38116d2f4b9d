using System.Net;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dovetail.Grains.Lake.S3;

/// <summary>
/// A lake in an S3 bucket, under an optional key prefix. Each object is stored with one PutObject request, which
/// S3 applies atomically: readers see the old object or the whole new one, and a failed upload stores nothing.
/// One request takes objects up to 5 GiB, well above <see cref="LakeOptions.MaxObjectBytes"/>.
/// </summary>
public sealed class S3LakeStore : ILakeStore
{
    private readonly IAmazonS3 _client;
    private readonly S3LakeOptions _options;
    private readonly string _keyPrefix;
    private readonly ILogger<S3LakeStore> _logger;

    public S3LakeStore(
        [FromKeyedServices(LakeStoreServiceCollectionExtensions.S3ClientKey)] IAmazonS3 client,
        IOptions<S3LakeOptions> options,
        ILogger<S3LakeStore> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);

        _client = client;
        _options = options.Value;
        _keyPrefix = NormalizePrefix(_options.Prefix);
        _logger = logger;
        Location = $"s3://{_options.Bucket}/{_keyPrefix}";
        S3LakeLog.StoreCreated(_logger, Location, string.IsNullOrEmpty(_options.ServiceUrl) ? "AWS" : _options.ServiceUrl);
    }

    public string Location { get; }

    public async Task PutAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var key = KeyOf(path);

        // A single PUT needs the length up front, so a stream that cannot seek is first copied to a local file.
        await using var buffer = content.CanSeek ? null : await BufferToFileAsync(content, cancellationToken);
        var body = buffer ?? content;
        var bytes = body.Length - body.Position;

        var request = new PutObjectRequest
        {
            BucketName = _options.Bucket,
            Key = key,
            InputStream = body,
            AutoCloseStream = false,
            UseChunkEncoding = _options.UseChunkEncoding,
        };
        await _client.PutObjectAsync(request, cancellationToken);
        S3LakeLog.ObjectStored(_logger, path, bytes);
    }

    public async Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        var key = KeyOf(path);
        try
        {
            // Disposing the response stream releases the HTTP response, so the caller owns only the stream.
            var response = await _client.GetObjectAsync(_options.Bucket, key, cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound && exception.ErrorCode == "NoSuchKey")
        {
            // A missing bucket is also a 404, but with the code NoSuchBucket. That is a configuration error, so it propagates.
            S3LakeLog.ObjectNotFound(_logger, path);
            return null;
        }
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);

        // NOTE: S3 lists keys in UTF-8 byte order, which equals ordinal (UTF-16) order except for characters
        // above U+FFFF against U+E000–U+FFFF. Lake paths are ASCII, so the two orders agree for them.
        var request = new ListObjectsV2Request { BucketName = _options.Bucket, Prefix = _keyPrefix + prefix };
        while (true)
        {
            var response = await _client.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in response.S3Objects ?? [])
            {
                yield return item.Key[_keyPrefix.Length..];
            }

            if (response.IsTruncated != true)
            {
                yield break;
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        // S3 returns success for a delete of a missing key, so deleting twice is not an error.
        await _client.DeleteObjectAsync(_options.Bucket, KeyOf(path), cancellationToken);
        S3LakeLog.ObjectDeleted(_logger, path);
    }

    private static string NormalizePrefix(string? prefix) =>
        string.IsNullOrEmpty(prefix) || prefix.EndsWith('/') ? prefix ?? "" : prefix + "/";

    private string KeyOf(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        // Keys stay under the prefix, as files stay under the root of the local lake. Some S3-compatible stores
        // resolve "." and ".." segments, which would let a path reach outside the prefix.
        var segments = path.Split('/');
        if (path.StartsWith('/') || segments.Any(segment => segment is "" or "." or ".."))
        {
            throw new ArgumentException($"The lake path '{path}' is invalid: it must be relative, without empty, '.' or '..' segments.", nameof(path));
        }

        return _keyPrefix + path;
    }

    private static async Task<FileStream> BufferToFileAsync(Stream content, CancellationToken cancellationToken)
    {
        var file = new FileStream(
            Path.Combine(Path.GetTempPath(), $"dovetail-s3-{Guid.NewGuid():N}.tmp"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await content.CopyToAsync(file, cancellationToken);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
