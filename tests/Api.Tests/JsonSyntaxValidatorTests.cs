using System.Text;
using Dovetail.Api.Json;
using Xunit;

namespace Dovetail.Api.Tests;

public sealed class JsonSyntaxValidatorTests
{
    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"a":{"a":1},"b":[{"a":1},{"a":2}]}""")]
    [InlineData("""{"big":1234567890123456789012345,"small":1e-400,"max":1.7976931348623157e308}""")]
    [InlineData("""{"pair":"\ud83d\ude00","raw":"😀","k\u00e9y":true}""")]
    [InlineData(" \n{\"a\":null}\n ")]
    public void Validate_AcceptableBody_ReturnsNull(string body)
    {
        var error = JsonSyntaxValidator.Validate(Encoding.UTF8.GetBytes(body), 64);

        Assert.Null(error);
    }

    [Theory]
    [InlineData("""{"a":1,"a":2}""", "duplicate_property", "a")]
    [InlineData("""{"a":1,"\u0061":2}""", "duplicate_property", "a")]
    [InlineData("""{"o":{"x y":1,"x y":2}}""", "duplicate_property", "o['x y']")]
    [InlineData("""{"x y":{"z":1,"z":2}}""", "duplicate_property", "['x y'].z")]
    [InlineData("""{"\ud800":1}""", "invalid_string", null)]
    [InlineData("""{"l":[0,[1,{"z":1,"z":1}]]}""", "duplicate_property", "l[1][1].z")]
    [InlineData("""{"n":1e400}""", "number_out_of_range", "n")]
    [InlineData("""{"l":[1,2,-2e308]}""", "number_out_of_range", "l[2]")]
    [InlineData("""{"s":"\ud800"}""", "invalid_string", "s")]
    [InlineData("""{"s":"a\udc00b"}""", "invalid_string", "s")]
    [InlineData("""{"s":"\ude00\ud83d"}""", "invalid_string", "s")]
    [InlineData("""{"o":{"\ud800":1}}""", "invalid_string", "o")]
    [InlineData("""[]""", "body_not_object", null)]
    [InlineData("""null""", "body_not_object", null)]
    [InlineData("""{"a":1} {}""", "invalid_json", null)]
    [InlineData("""{"a":1/*c*/}""", "invalid_json", null)]
    [InlineData("""{"a":'x'}""", "invalid_json", null)]
    [InlineData("", "invalid_json", null)]
    public void Validate_RejectedBody_ReturnsCodeAndPath(string body, string code, string? field)
    {
        var error = JsonSyntaxValidator.Validate(Encoding.UTF8.GetBytes(body), 64);

        Assert.NotNull(error);
        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t")]
    public void Validate_EmptyBody_ReportsEmptyBody(string body)
    {
        var error = JsonSyntaxValidator.Validate(Encoding.UTF8.GetBytes(body), 64);

        Assert.Equal("The request body is empty. Send one JSON object.", error?.Detail);
        Assert.Null(error?.BytePosition);
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("\"text\"", "a string")]
    [InlineData("12", "a number")]
    [InlineData("true", "a boolean")]
    [InlineData("null", "null")]
    public void Validate_NotAnObject_NamesTheFirstValue(string body, string description)
    {
        var error = JsonSyntaxValidator.Validate(Encoding.UTF8.GetBytes(body), 64);

        Assert.Equal($"The request body must be a JSON object, but it starts with {description}.", error?.Detail);
    }

    [Fact]
    public void Validate_InvalidUtf8InString_ReturnsInvalidString()
    {
        byte[] body = [.. "{\"s\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        var error = JsonSyntaxValidator.Validate(body, 64);

        Assert.Equal("invalid_string", error?.Code);
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(65)]
    public void Validate_DeepNesting_ReturnsNestingTooDeep(int levels)
    {
        var body = "{\"d\":" + new string('[', levels - 1) + new string(']', levels - 1) + "}";

        var error = JsonSyntaxValidator.Validate(Encoding.UTF8.GetBytes(body), 64);

        Assert.Equal("nesting_too_deep", error?.Code);
    }

    [Fact]
    public void Validate_NestingAtLimit_ReturnsNull()
    {
        var body = "{\"d\":" + new string('[', 63) + new string(']', 63) + "}";

        var error = JsonSyntaxValidator.Validate(Encoding.UTF8.GetBytes(body), 64);

        Assert.Null(error);
    }

    [Fact]
    public void Validate_DeepNestingOfUnclosedArrays_ReturnsNestingTooDeep()
    {
        var body = "{\"d\":" + new string('[', 100_000);

        var error = JsonSyntaxValidator.Validate(Encoding.UTF8.GetBytes(body), 64);

        Assert.Equal("nesting_too_deep", error?.Code);
    }

    [Fact]
    public void Validate_SyntaxErrorOnSecondLine_ReportsOffsetFromStart()
    {
        var error = JsonSyntaxValidator.Validate("{\"a\":\n  x}"u8, 64);

        Assert.Equal("invalid_json", error?.Code);
        Assert.Equal(8, error?.BytePosition);
    }
}
