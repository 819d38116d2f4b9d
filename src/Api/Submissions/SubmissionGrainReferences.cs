using Dovetail.Grains.Abstractions.Submissions;

namespace Dovetail.Api.Submissions;

/// <summary>
/// Creates references to submission grains for the read path. <c>GetGrain&lt;T&gt;(string)</c> resolves the grain
/// interface from its attributes by reflection on every call, which a profile of the read path showed as a third
/// of the handler's time, so the grain type and interface type are resolved once and reused.
/// </summary>
internal sealed class SubmissionGrainReferences(IGrainFactory grains)
{
    private readonly Lazy<(GrainType Grain, GrainInterfaceType Interface)> _types = new(() =>
    {
        var reference = (GrainReference)grains.GetGrain<ISubmissionGrain>("type-probe");
        return (reference.GrainId.Type, reference.InterfaceType);
    });

    /// <summary>Returns the same reference as <c>GetGrain&lt;ISubmissionGrain&gt;(submissionId)</c>.</summary>
    public ISubmissionGrain Get(string submissionId)
    {
        var (grainType, interfaceType) = _types.Value;
        return (ISubmissionGrain)grains.GetGrain(GrainId.Create(grainType, submissionId), interfaceType);
    }
}
