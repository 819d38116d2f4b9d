namespace Dovetail.PostgreSql.Tests.Grains;

/// <summary>
/// The stored shape of <see cref="CounterState"/> under another CLR name and other property names, as after a
/// rename: only the field ids match.
/// </summary>
/// <remarks>
/// NOTE: a real rename keeps the alias, but Orleans rejects two loaded types with one alias (ORLEANS0011 at build
/// time, a duplicate key at silo start), so this stand-in has its own alias. The storage serializer writes no type
/// identity for a state whose runtime type is the declared type, so the alias is not part of the stored payload.
/// </remarks>
[GenerateSerializer, Immutable]
[Alias("dovetail.tests.renamed-counter-state")]
public sealed record RenamedCounterState([property: Id(0)] int Count, [property: Id(1)] string Name);
