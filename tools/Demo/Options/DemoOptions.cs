namespace Dovetail.Demo.Options;

/// <summary>
/// Settings for one demo run, as given on the command line.
/// </summary>
internal sealed record DemoOptions
{
    public int Count { get; init; } = 300;

    public int Concurrency { get; init; } = 16;

    /// <summary>Base address of a running API; when null the demo starts its own services.</summary>
    public Uri? ApiUrl { get; init; }

    public string? ApiKey { get; init; }

    /// <summary>Base address of a running gazetteer stand-in, read only for its call counters.</summary>
    public Uri? GazetteerUrl { get; init; }

    public int Seed { get; init; } = 1;

    public int MaxDataDelayMs { get; init; } = 3000;

    public int TimeoutSeconds { get; init; } = 600;

    /// <summary>Keeps the started services up after the summary until Ctrl-C, so the printed URLs work.</summary>
    public bool KeepRunning { get; init; }

    public bool UsesRunningApi => ApiUrl is not null;
}
