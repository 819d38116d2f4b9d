namespace Dovetail.Grains.Lookup;

/// <summary>
/// How one call to the gazetteer ended.
/// </summary>
public enum LookupAttemptKind
{
    /// <summary>The gazetteer returned its array and one entry was picked.</summary>
    Matched = 0,

    /// <summary>The gazetteer returned its array and no entry matched.</summary>
    NoMatch = 1,

    /// <summary>The call failed in a way another attempt may fix.</summary>
    RetryableFailure = 2,

    /// <summary>The call failed in a way another attempt will not fix.</summary>
    PermanentFailure = 3,
}
