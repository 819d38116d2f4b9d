namespace Dovetail.Grains.Lake.Queries;

/// <summary>A query attempt that failed inside DuckDB or returned an unusable result.</summary>
public sealed class LakeQueryException : Exception
{
    public LakeQueryException()
    {
    }

    public LakeQueryException(string message)
        : base(message)
    {
    }

    public LakeQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
