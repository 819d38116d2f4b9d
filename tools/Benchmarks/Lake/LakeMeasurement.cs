namespace Dovetail.Benchmarks.Lake;

/// <summary>
/// What one lake run measured. Rates are events per second; memory figures are those of the benchmark process,
/// which hosts the silo.
/// </summary>
/// <param name="PipelineElapsed">From the first publish on the stream to the poll that found the last record in a
/// published object.</param>
/// <param name="DirectElapsed">Writing the same objects through <c>LakePublisher</c> with no Orleans in between.</param>
/// <param name="ObjectsIdentical">True when every object the direct write stored has the checksum of the pipeline's.</param>
/// <param name="Missing">Events published on the stream but found in no object.</param>
/// <param name="Duplicates">Records found in the lake beyond the first copy of their event.</param>
internal sealed record LakeMeasurement(
    int Events,
    int Partitions,
    long MaxObjectBytes,
    double MeanDocumentLength,
    TimeSpan PublishElapsed,
    TimeSpan PipelineElapsed,
    TimeSpan DirectElapsed,
    int Objects,
    int SizeObjects,
    long LakeBytes,
    bool ObjectsIdentical,
    int Missing,
    int Duplicates,
    LatencySummary ObservedLatency,
    LatencySummary ManifestLatency,
    long ManagedBytesBefore,
    long ManagedBytesAfter)
{
    public double PipelineEventsPerSecond => Events / PipelineElapsed.TotalSeconds;

    public double DirectEventsPerSecond => Events / DirectElapsed.TotalSeconds;

    public double Ratio => PipelineEventsPerSecond / DirectEventsPerSecond;

    public long ManagedGrowthBytes => ManagedBytesAfter - ManagedBytesBefore;

    /// <summary>True when the lake contains every published event exactly once.</summary>
    public bool Complete => Missing == 0 && Duplicates == 0;
}
