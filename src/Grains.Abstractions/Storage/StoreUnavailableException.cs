namespace Dovetail.Grains.Abstractions.Storage;

/// <summary>
/// A grain could not persist a change (its state or a reminder), so nothing of the request was committed and the
/// caller may send it again. The grain logs the underlying error; this exception carries only its message, so it
/// crosses the cluster whatever the storage provider threw.
/// </summary>
[GenerateSerializer]
[Alias("dovetail.store-unavailable-exception")]
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
