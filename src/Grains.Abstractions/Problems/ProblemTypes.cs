namespace Dovetail.Grains.Abstractions.Problems;

/// <summary>
/// The <c>type</c> URIs of Dovetail's problem documents, shared by the gateway and the endpoints that silo hosts
/// serve, so a client reads one scheme everywhere.
/// </summary>
public static class ProblemTypes
{
    public const string Prefix = "https://dovetail.dev/problems/";

    /// <summary>Returns the <c>type</c> URI of a problem code, such as <c>.../invalid-day</c> for <c>invalid_day</c>.</summary>
    public static string Of(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Prefix + code.Replace('_', '-');
    }
}
