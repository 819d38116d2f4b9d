using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.S3;
using Dovetail.Grains.Lake.S3;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

[assembly: AssemblyFixture(typeof(Dovetail.Lake.Tests.S3rverFixture))]

namespace Dovetail.Lake.Tests;

/// <summary>
/// The s3rver S3 emulator on 127.0.0.1 with a free port and a temporary data folder, with one bucket, shared by all
/// tests of the assembly. Tests stay apart by using a fresh key prefix each. It fails, never skips, when s3rver is
/// not installed.
/// </summary>
public sealed partial class S3rverFixture : IAsyncLifetime
{
    public const string Bucket = "dovetail-lake";

    // s3rver 3.7.1 checks request signatures against its one built-in account, whose key and secret are both S3RVER.
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly StringBuilder _errorOutput = new();
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"dovetail-s3rver-{Guid.NewGuid():N}");
    private Process? _process;
    private IAmazonS3? _client;

    public string ServiceUrl { get; private set; } = "";

    /// <summary>A client configured like <see cref="CreateOptions"/>, for checks that go around the store.</summary>
    public IAmazonS3 Client => _client ?? throw new InvalidOperationException("s3rver has not started.");

    public async ValueTask InitializeAsync()
    {
        var script = Path.Combine(RepositoryRoot(), "tools", "s3rver", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"The S3 emulator s3rver is not installed at {script}. Run scripts/fetch-s3rver.sh first.");
        }

        Directory.CreateDirectory(_directory);
        var startInfo = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Port 0 lets the system pick a free port, and s3rver prints the one it bound. s3rver encrypts ListObjectsV2
        // continuation tokens with DES, which OpenSSL 3 in Node.js 20 offers only through its legacy provider.
        foreach (var argument in new[] { script, "--address", "127.0.0.1", "--port", "0", "--directory", _directory, "--silent" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["NODE_OPTIONS"] = "--openssl-legacy-provider";

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => ReadPort(line.Data);
        process.ErrorDataReceived += (_, line) => RecordError(line.Data);
        process.Exited += (_, _) => _port.TrySetException(
            new InvalidOperationException($"s3rver exited before it listened. Its error output: {ErrorOutput()}"));
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            throw new InvalidOperationException("Node.js ('node') was not found. Run scripts/fetch-s3rver.sh first.", exception);
        }

        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await ConnectAsync();
        }
        catch
        {
            // A fixture that fails to start may not be disposed, so it stops its own process.
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _client = null;
        if (_process is { } process)
        {
            _process = null;
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>Returns the settings the emulator needs, with the lake under <paramref name="prefix"/>.</summary>
    public S3LakeOptions CreateOptions(string prefix, string bucket = Bucket) => new()
    {
        Bucket = bucket,
        Prefix = prefix,
        ServiceUrl = ServiceUrl,
        ForcePathStyle = true,
        AccessKey = AccessKey,
        SecretKey = SecretKey,
        UseChunkEncoding = false,
        ChecksumWhenRequired = true,
    };

    /// <summary>Creates a store on the shared client, with the lake under <paramref name="prefix"/>.</summary>
    public S3LakeStore CreateStore(string prefix, string bucket = Bucket) =>
        new(Client, Options.Create(CreateOptions(prefix, bucket)), NullLogger<S3LakeStore>.Instance);

    /// <summary>Returns a key prefix that no other test uses.</summary>
    public static string FreshPrefix() => $"test-{Guid.NewGuid():N}/";

    private async Task ConnectAsync()
    {
        int port;
        try
        {
            port = await _port.Task.WaitAsync(StartTimeout, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"s3rver did not report a port within {StartTimeout}. Its error output: {ErrorOutput()}", exception);
        }

        ServiceUrl = $"http://127.0.0.1:{port}";
        _client = S3LakeClientFactory.Create(CreateOptions(""));
        await CreateBucketAsync();
    }

    private async Task CreateBucketAsync()
    {
        // s3rver prints its port once it listens, so the first attempt normally succeeds. The bounded retry covers
        // a server that accepts connections a moment before it serves requests.
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                await Client.PutBucketAsync(Bucket, TestContext.Current.CancellationToken);
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
            }
        }
    }

    private void ReadPort(string? line)
    {
        if (line is not null && ListeningLine().Match(line) is { Success: true } match)
        {
            _port.TrySetResult(int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private void RecordError(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_errorOutput)
        {
            _errorOutput.AppendLine(line);
        }
    }

    private string ErrorOutput()
    {
        lock (_errorOutput)
        {
            return _errorOutput.Length == 0 ? "(none)" : _errorOutput.ToString();
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Orleans.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException($"The repository root (the folder with Orleans.sln) was not found above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"listening on \S+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
