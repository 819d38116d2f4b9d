using System.ComponentModel.DataAnnotations;

namespace Dovetail.Api.Hosting;

/// <summary>
/// Settings of the REST gateway, bound from the <c>Api</c> configuration section.
/// </summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>
    /// Whether this process also runs the silo (local mode). When false the process is only an Orleans client.
    /// </summary>
    public bool HostSilo { get; set; } = true;

    /// <summary>The maximum request body size in bytes; larger bodies are rejected with 413.</summary>
    [Range(1, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>The maximum number of nested JSON objects and arrays in a request body.</summary>
    [Range(1, 1000)]
    public int MaxJsonDepth { get; set; } = 64;

    /// <summary>
    /// The memory, in bytes, for documents of finished submissions kept by this gateway; 0 turns the cache off.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long FinalDocumentCacheBytes { get; set; } = 64L * 1024 * 1024;
}
