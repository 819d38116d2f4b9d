using System.Security.Cryptography;
using System.Text;
using Dovetail.Grains.Authentication;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Dovetail.Api.Tests;

public sealed class ApiKeysTests
{
    [Fact]
    public void IndexOf_KnownKey_ReturnsItsIndex()
    {
        byte[][] hashes = [Hash("key-a"), Hash("key-b")];

        Assert.Equal(1, ApiKeys.IndexOf("key-b", hashes));
        Assert.Equal(0, ApiKeys.IndexOf("key-a", hashes));
    }

    [Fact]
    public void IndexOf_UnknownKey_ReturnsMinusOne()
    {
        Assert.Equal(-1, ApiKeys.IndexOf("key-c", [Hash("key-a")]));
        Assert.Equal(-1, ApiKeys.IndexOf("key-a", []));
    }

    [Fact]
    public void IndexOf_KeyLongerThanStackBuffer_Matches()
    {
        // 200 three-byte characters need 600 bytes, more than the stack buffer holds.
        var key = new string('€', 200);

        Assert.Equal(0, ApiKeys.IndexOf(key, [Hash(key)]));
    }

    [Theory]
    [InlineData("X-Api-Key", "key-a", "key-a")]
    [InlineData("Authorization", "Bearer key-a", "key-a")]
    [InlineData("Authorization", "bearer  key-a ", "key-a")]
    [InlineData("Authorization", "Bearer ", null)]
    [InlineData("Authorization", "Basic a2V5", null)]
    [InlineData("X-Api-Key", "", null)]
    public void Read_Header_ReturnsKey(string header, string value, string? expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[header] = value;

        Assert.Equal(expected, ApiKeys.Read(context.Request));
    }

    [Fact]
    public void Read_BothHeaders_PrefersApiKeyHeader()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers["X-Api-Key"] = "from-header";
        context.Request.Headers.Authorization = "Bearer from-bearer";

        Assert.Equal("from-header", ApiKeys.Read(context.Request));
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
