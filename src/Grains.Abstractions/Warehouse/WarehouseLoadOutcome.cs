using System.Text.Json.Serialization;

namespace Dovetail.Grains.Abstractions.Warehouse;

/// <summary>What a load of one day did. JSON writes it as the lower-case member name.</summary>
[GenerateSerializer]
[Alias("dovetail.warehouse-load-outcome")]
[JsonConverter(typeof(JsonStringEnumConverter<WarehouseLoadOutcome>))]
public enum WarehouseLoadOutcome
{
    /// <summary>The day's rows were replaced with what the lake contains now.</summary>
    [JsonStringEnumMemberName("loaded")]
    Loaded = 0,

    /// <summary>The day's lake objects are the ones its last load read, so nothing was written.</summary>
    [JsonStringEnumMemberName("unchanged")]
    Unchanged = 1,
}
