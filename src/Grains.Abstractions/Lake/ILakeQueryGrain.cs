namespace Dovetail.Grains.Abstractions.Lake;

/// <summary>
/// The query step of one published lake object, keyed by the object's path. It runs the project's query over the
/// object and stores the result under the results prefix. After the last failed attempt it records the object in
/// the dead-letter location instead.
/// </summary>
public interface ILakeQueryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Runs the query over the object unless a result for it is stored already, and returns what happened. Calling
    /// it again for the same object returns the same result path and writes the same result.
    /// </summary>
    Task<LakeQueryOutcome> RunAsync();
}
