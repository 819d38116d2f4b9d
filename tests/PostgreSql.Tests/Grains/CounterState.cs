namespace Dovetail.PostgreSql.Tests.Grains;

[GenerateSerializer, Immutable]
[Alias("dovetail.tests.counter-state")]
public sealed record CounterState([property: Id(0)] int Value, [property: Id(1)] string Label);
