namespace Dovetail.Demo.Places;

/// <summary>
/// The kind of place name a submission requests, chosen to exercise different lookup outcomes.
/// </summary>
internal enum PlaceKind
{
    /// <summary>An ASCII name that occurs once in its country.</summary>
    Plain,

    /// <summary>A name with letters outside ASCII.</summary>
    NonAscii,

    /// <summary>A name that occurs more than once in its country, sent without admin1.</summary>
    Shared,

    /// <summary>A name that occurs more than once in its country, sent with the admin1 code that singles it out.</summary>
    SharedWithAdmin1,

    /// <summary>A made-up name that does not occur in the gazetteer.</summary>
    Unknown,
}
