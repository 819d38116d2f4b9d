using Dovetail.Api.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Dovetail.Api.Tests;

public sealed class ApiClientRegistryTests
{
    [Fact]
    public void FindByKey_ConfiguredKey_ReturnsClient()
    {
        var registry = FromSettings(new()
        {
            ["Auth:Clients:0:Id"] = "a",
            ["Auth:Clients:0:KeyHash"] = ApiClientRegistry.HashKey("key-a"),
            ["Auth:Clients:1:Id"] = "b",
            ["Auth:Clients:1:KeyHash"] = ApiClientRegistry.HashKey("key-b"),
        }, new ListLogger());

        Assert.Equal("b", registry.FindByKey("key-b")?.Id);
        Assert.Null(registry.FindByKey("key-c"));
    }

    [Fact]
    public void FromConfiguration_NoClients_CreatesDevelopmentClientAndLogsGeneratedKey()
    {
        var logger = new ListLogger();

        var registry = FromSettings([], logger);

        var client = Assert.Single(registry.Clients);
        Assert.Equal("dev", client.Id);
        var message = Assert.Single(logger.Messages);
        Assert.StartsWith("Development API key for client dev: ", message, StringComparison.Ordinal);
        var key = message["Development API key for client dev: ".Length..];
        Assert.Equal("dev", registry.FindByKey(key)?.Id);
    }

    [Fact]
    public void FromConfiguration_DevelopmentKeySet_UsesItWithoutLoggingIt()
    {
        var logger = new ListLogger();

        var registry = FromSettings(new() { ["Auth:DevelopmentKey"] = "chosen-key" }, logger);

        Assert.Equal("dev", registry.FindByKey("chosen-key")?.Id);
        Assert.DoesNotContain(logger.Messages, message => message.Contains("chosen-key", StringComparison.Ordinal));
    }

    [Fact]
    public void FromConfiguration_ClientModeWithoutClients_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => FromSettings(new() { ["Api:HostSilo"] = "false" }, new ListLogger()));
    }

    [Fact]
    public void FromConfiguration_MalformedHash_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => FromSettings(new()
        {
            ["Auth:Clients:0:Id"] = "a",
            ["Auth:Clients:0:KeyHash"] = "not-a-hash",
        }, new ListLogger()));
    }

    private static ApiClientRegistry FromSettings(Dictionary<string, string?> settings, ILogger logger) =>
        ApiClientRegistry.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), logger);

    private sealed class ListLogger : ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) => Messages.Add(formatter(state, exception));
    }
}
