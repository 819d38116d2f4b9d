namespace Dovetail.Benchmarks.Reading;

/// <summary>
/// The read path of Dovetail next to the bare endpoint, loaded with the same settings in the same run.
/// </summary>
internal sealed record GetComparison(int DocumentBytes, LoadSettings Settings, LoadResult Dovetail, LoadResult Bare)
{
    /// <summary>The target: Dovetail serves at least this share of the bare endpoint's request rate.</summary>
    public const double MinimumRatio = 0.5;

    public double Ratio => Dovetail.RequestsPerSecond / Bare.RequestsPerSecond;

    /// <summary>True when the ratio meets the target and neither run saw an error.</summary>
    public bool Passed => Ratio >= MinimumRatio && Dovetail.Errors == 0 && Bare.Errors == 0;
}
