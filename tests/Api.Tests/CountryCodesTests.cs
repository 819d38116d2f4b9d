using Dovetail.Api.Submissions;
using Xunit;

namespace Dovetail.Api.Tests;

public sealed class CountryCodesTests
{
    [Fact]
    public void Count_IsAssignedCodesAndKosovo()
    {
        // ISO 3166-1 has 249 assigned alpha-2 codes, and GeoNames adds XK.
        Assert.Equal(250, CountryCodes.Count);
    }

    [Theory]
    [InlineData("DE")]
    [InlineData("de")]
    [InlineData("XK")]
    [InlineData("SS")]
    [InlineData("AX")]
    public void IsAssigned_KnownCode_IsTrue(string code)
    {
        Assert.True(CountryCodes.IsAssigned(code));
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("UK")]
    [InlineData("EU")]
    [InlineData("AN")]
    [InlineData("D")]
    [InlineData("DEU")]
    public void IsAssigned_OtherCode_IsFalse(string code)
    {
        Assert.False(CountryCodes.IsAssigned(code));
    }
}
