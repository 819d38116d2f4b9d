namespace Dovetail.Benchmarks.Reading;

/// <summary>
/// The read path of Dovetail next to the bare endpoint, loaded with the same settings in the same run.
/// </summary>
internal sealed record GetComparison(int DocumentBytes, LoadSettings Settings, ServerRun Dovetail, ServerRun Bare)
{
    /// <summary>The target: Dovetail serves at least this share of the bare endpoint's request rate.</summary>
    public const double MinimumRatio = 0.5;

    public double Ratio => Dovetail.Load.RequestsPerSecond / Bare.Load.RequestsPerSecond;

    /// <summary>
    /// The bare endpoint's processor time per request over Dovetail's: the share of the bare endpoint's rate that
    /// Dovetail would reach if each server had the same processor time to itself. Reported, not judged.
    /// </summary>
    public double ProcessorRatio =>
        Dovetail.MicrosecondsPerRequest > 0 ? Bare.MicrosecondsPerRequest / Dovetail.MicrosecondsPerRequest : 0;

    /// <summary>True when the ratio meets the target and neither run saw an error.</summary>
    public bool Passed => Ratio >= MinimumRatio && Dovetail.Load.Errors == 0 && Bare.Load.Errors == 0;
}
