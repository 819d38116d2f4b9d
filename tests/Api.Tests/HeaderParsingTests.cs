using Dovetail.Api.Correlation;
using Dovetail.Api.Submissions;
using Microsoft.Extensions.Primitives;
using Xunit;

namespace Dovetail.Api.Tests;

public sealed class HeaderParsingTests
{
    [Theory]
    [InlineData("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", true)]
    [InlineData("01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra", true)]
    [InlineData("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra", false)]
    [InlineData("00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01", false)]
    [InlineData("00-00000000000000000000000000000000-b7ad6b7169203331-01", false)]
    [InlineData("00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01", false)]
    [InlineData("ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", false)]
    [InlineData("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331", false)]
    [InlineData("", false)]
    public void TraceParents_IsValid(string value, bool expected)
    {
        Assert.Equal(expected, TraceParents.IsValid(value));
    }

    [Theory]
    [InlineData("\"a-v1\"", "\"a-v1\"", true)]
    [InlineData("W/\"a-v1\"", "\"a-v1\"", true)]
    [InlineData("\"x\", \"a-v1\"", "\"a-v1\"", true)]
    [InlineData("*", "\"a-v1\"", true)]
    [InlineData("\"a-v2\"", "\"a-v1\"", false)]
    [InlineData("", "\"a-v1\"", false)]
    [InlineData("garbage", "\"a-v1\"", false)]
    public void EntityTags_IfNoneMatchMatches(string header, string current, bool expected)
    {
        Assert.Equal(expected, EntityTags.IfNoneMatchMatches(new StringValues(header), current));
    }

    [Theory]
    [InlineData("k", true)]
    [InlineData("!~", true)]
    [InlineData("with space", false)]
    [InlineData("tab\t", false)]
    [InlineData("\u00e9", false)]
    [InlineData("", false)]
    public void IdempotencyKeyHeader_TryRead(string value, bool expected)
    {
        Assert.Equal(expected, IdempotencyKeyHeader.TryRead(new StringValues(value), out _));
    }

    [Fact]
    public void IdempotencyKeyHeader_SentTwice_IsRejected()
    {
        Assert.False(IdempotencyKeyHeader.TryRead(new StringValues(["a", "b"]), out _));
    }

    [Fact]
    public void IdempotencyKeyHeader_Absent_IsAcceptedWithoutKey()
    {
        Assert.True(IdempotencyKeyHeader.TryRead(StringValues.Empty, out var key));
        Assert.Null(key);
    }
}
