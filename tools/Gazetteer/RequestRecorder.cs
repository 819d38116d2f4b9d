namespace Dovetail.Gazetteer;

/// <summary>
/// Keeps the most recent <c>/cities</c> requests and running counts, safe for concurrent requests.
/// </summary>
internal sealed class RequestRecorder
{
    /// <summary>How many requests are kept; older ones are dropped first.</summary>
    public const int Capacity = 10_000;

    private readonly Lock _gate = new();
    private readonly Queue<RecordedRequest> _requests = new();
    private long _total;
    private long _served;
    private long _throttled;
    private long _failed;

    public void Record(RecordedRequest request)
    {
        lock (_gate)
        {
            if (_requests.Count == Capacity)
            {
                _requests.Dequeue();
            }

            _requests.Enqueue(request);
            _total++;
            if (request.Status == StatusCodes.Status200OK)
            {
                _served++;
            }
            else if (request.Status == StatusCodes.Status429TooManyRequests)
            {
                _throttled++;
            }
            else
            {
                _failed++;
            }
        }
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    public GazetteerStats Stats()
    {
        lock (_gate)
        {
            return new GazetteerStats(_total, _served, _throttled, _failed);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
            _total = 0;
            _served = 0;
            _throttled = 0;
            _failed = 0;
        }
    }
}
