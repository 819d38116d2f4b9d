using System.Text;
using Dovetail.Grains.Lookup;
using Xunit;

namespace Dovetail.Lookup.Tests;

public sealed class PlaceNamesTests
{
    [Theory]
    [InlineData("Zürich", "zürich")]
    [InlineData("  São   Paulo\t", "são paulo")]
    [InlineData("New\u00A0York", "new york")]
    [InlineData("\uFF3A\uFF55\uFF52\uFF49\uFF43\uFF48", "zurich")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void Normalize_FoldsCaseAndSpacing(string input, string expected)
    {
        Assert.Equal(expected, PlaceNames.Normalize(input));
    }

    [Fact]
    public void Normalize_DecomposedAndComposed_AreEqual()
    {
        var composed = "São Paulo".Normalize(NormalizationForm.FormC);
        var decomposed = "São Paulo".Normalize(NormalizationForm.FormD);

        Assert.NotEqual(composed, decomposed);
        Assert.Equal(PlaceNames.Normalize(composed), PlaceNames.Normalize(decomposed));
    }

    [Fact]
    public void Normalize_Result_IsComposed()
    {
        var result = PlaceNames.Normalize("ZU\u0308RICH");

        Assert.Equal("zürich", result);
        Assert.True(result.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData(" ch ", "CH")]
    [InlineData(null, "")]
    [InlineData("  ", "")]
    public void NormalizeCode_TrimsAndUpperCases(string? input, string expected)
    {
        Assert.Equal(expected, PlaceNames.NormalizeCode(input));
    }
}
