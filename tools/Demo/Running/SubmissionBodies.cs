using System.Globalization;
using System.Text.Json.Nodes;

namespace Dovetail.Demo.Running;

/// <summary>
/// Builds the JSON bodies of the two POSTs. A body depends only on the plan, so a repeated POST sends the same bytes.
/// </summary>
internal static class SubmissionBodies
{
    public static JsonObject First(SubmissionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var place = new JsonObject
        {
            ["name"] = plan.Place.Name,
            ["country"] = plan.Place.Country,
        };
        if (plan.Place.Admin1 is not null)
        {
            place["admin1"] = plan.Place.Admin1;
        }

        return new JsonObject
        {
            ["place"] = place,
            ["reference"] = Reference(plan),
            ["quantity"] = (plan.Index % 9) + 1,
            ["channel"] = "demo",
        };
    }

    public static JsonObject AdditionalData(SubmissionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new JsonObject
        {
            ["reference"] = Reference(plan),
            ["approvedBy"] = "demo-reviewer",
            ["notes"] = $"Additional data sent {plan.DataDelay.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms after the first answer.",
        };
    }

    private static string Reference(SubmissionPlan plan) =>
        $"demo-{plan.Index.ToString("D5", CultureInfo.InvariantCulture)}";
}
