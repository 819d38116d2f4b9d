using Dovetail.PostgreSql.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace Dovetail.PostgreSql.Tests;

/// <summary>
/// The stream queue queries, run with the parameters and result types that the ADO.NET stream provider uses.
/// </summary>
public sealed class StreamQueueTests : IAsyncLifetime
{
    private const int MaxAttempts = 5;

    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() =>
        database = await TestDatabase.CreateMigratedAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Queue_ReturnsIncreasingMessageIdsAsLong()
    {
        var ct = TestContext.Current.CancellationToken;
        var queue = NewQueue();
        await using var connection = await database.OpenAsync(ct);

        var first = await QueueAsync(connection, queue, [1], ct);
        var second = await QueueAsync(connection, queue, [2], ct);

        Assert.True(second > first);
    }

    [Fact]
    public async Task Get_ReturnsMessageWithExactColumnTypes()
    {
        var ct = TestContext.Current.CancellationToken;
        var queue = NewQueue();
        await using var connection = await database.OpenAsync(ct, timeZone: "Asia/Tokyo");
        var messageId = await QueueAsync(connection, queue, [1, 2, 3], ct);

        var messages = await GetAsync(connection, queue, visibilityTimeoutSeconds: 60, ct);

        var message = Assert.Single(messages);
        Assert.Equal(messageId, message.MessageId);
        Assert.Equal(1, message.Dequeued);
        Assert.Equal(new byte[] { 1, 2, 3 }, message.Payload);
        Assert.Equal(DateTimeKind.Utc, message.ExpiresOn.Kind);
        Assert.InRange(message.ExpiresOn, DateTime.UtcNow.AddMinutes(9), DateTime.UtcNow.AddMinutes(11));
    }

    [Fact]
    public async Task Get_AgainInsideVisibilityTimeout_ReturnsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var queue = NewQueue();
        await using var connection = await database.OpenAsync(ct);
        await QueueAsync(connection, queue, [1], ct);
        await GetAsync(connection, queue, visibilityTimeoutSeconds: 60, ct);

        var again = await GetAsync(connection, queue, visibilityTimeoutSeconds: 60, ct);

        Assert.Empty(again);
    }

    [Fact]
    public async Task Confirm_WithCurrentReceipt_DeletesMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        var queue = NewQueue();
        await using var connection = await database.OpenAsync(ct);
        var messageId = await QueueAsync(connection, queue, [1], ct);
        var message = Assert.Single(await GetAsync(connection, queue, visibilityTimeoutSeconds: 0, ct));

        var confirmed = await ConfirmAsync(connection, queue, $"{messageId}:{message.Dequeued}", ct);

        Assert.Equal([messageId], confirmed);
        Assert.Empty(await GetAsync(connection, queue, visibilityTimeoutSeconds: 0, ct));
    }

    [Fact]
    public async Task Confirm_WithStaleReceipt_KeepsMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        var queue = NewQueue();
        await using var connection = await database.OpenAsync(ct);
        var messageId = await QueueAsync(connection, queue, [1], ct);
        await GetAsync(connection, queue, visibilityTimeoutSeconds: 0, ct);
        await GetAsync(connection, queue, visibilityTimeoutSeconds: 0, ct);

        var confirmed = await ConfirmAsync(connection, queue, $"{messageId}:1", ct);

        Assert.Empty(confirmed);
        Assert.Single(await GetAsync(connection, queue, visibilityTimeoutSeconds: 0, ct));
    }

    [Fact]
    public async Task Confirm_WithNegativeReceipt_MakesMessageVisibleAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        var queue = NewQueue();
        await using var connection = await database.OpenAsync(ct);
        var messageId = await QueueAsync(connection, queue, [1], ct);
        var message = Assert.Single(await GetAsync(connection, queue, visibilityTimeoutSeconds: 600, ct));

        var released = await ConfirmAsync(connection, queue, $"{messageId}:-{message.Dequeued}", ct);

        Assert.Equal([messageId], released);
        var redelivered = Assert.Single(await GetAsync(connection, queue, visibilityTimeoutSeconds: 600, ct));
        Assert.Equal(2, redelivered.Dequeued);
    }

    [Fact]
    public async Task Fail_AfterMaxAttempts_DeadLettersMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        var queue = NewQueue();
        await using var connection = await database.OpenAsync(ct);
        var messageId = await QueueAsync(connection, queue, [1], ct);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            await GetAsync(connection, queue, visibilityTimeoutSeconds: 0, ct);
        }

        await using (var fail = await StoredQuery.CreateAsync(
            connection, "FailStreamMessageKey", ct,
            ("ServiceId", queue.ServiceId), ("ProviderId", queue.ProviderId), ("QueueId", queue.QueueId),
            ("MessageId", messageId), ("MaxAttempts", MaxAttempts), ("RemovalTimeout", 3600)))
        {
            await fail.ExecuteNonQueryAsync(ct);
        }

        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM OrleansStreamDeadLetter WHERE QueueId = @queue AND MessageId = @id", connection);
        count.Parameters.AddWithValue("queue", queue.QueueId);
        count.Parameters.AddWithValue("id", messageId);
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync(ct))!);
    }

    private static QueueName NewQueue() => new("streams-test", $"provider-{Guid.NewGuid():N}", "provider-0");

    private static async Task<long> QueueAsync(
        NpgsqlConnection connection, QueueName queue, byte[] payload, CancellationToken ct)
    {
        await using var command = await StoredQuery.CreateAsync(
            connection, "QueueStreamMessageKey", ct,
            ("ServiceId", queue.ServiceId), ("ProviderId", queue.ProviderId), ("QueueId", queue.QueueId),
            ("Payload", payload), ("ExpiryTimeout", 600));
        await using var reader = await command.ExecuteReaderAsync(ct);
        Assert.True(await reader.ReadAsync(ct));

        // The provider casts without conversion, so the column must already be a long.
        var messageId = (long)reader["MessageId"];
        Assert.False(await reader.ReadAsync(ct));
        return messageId;
    }

    private static async Task<List<StreamMessage>> GetAsync(
        NpgsqlConnection connection, QueueName queue, int visibilityTimeoutSeconds, CancellationToken ct)
    {
        await using var command = await StoredQuery.CreateAsync(
            connection, "GetStreamMessagesKey", ct,
            ("ServiceId", queue.ServiceId), ("ProviderId", queue.ProviderId), ("QueueId", queue.QueueId),
            ("MaxCount", 10), ("MaxAttempts", MaxAttempts), ("VisibilityTimeout", visibilityTimeoutSeconds),
            ("RemovalTimeout", 3600), ("EvictionInterval", 10), ("EvictionBatchSize", 100));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var messages = new List<StreamMessage>();
        while (await reader.ReadAsync(ct))
        {
            messages.Add(new StreamMessage(
                (long)reader["MessageId"],
                (int)reader["Dequeued"],
                (DateTime)reader["ExpiresOn"],
                (byte[])reader["Payload"]));
        }

        return messages;
    }

    private static async Task<List<long>> ConfirmAsync(
        NpgsqlConnection connection, QueueName queue, string items, CancellationToken ct)
    {
        await using var command = await StoredQuery.CreateAsync(
            connection, "ConfirmStreamMessagesKey", ct,
            ("ServiceId", queue.ServiceId), ("ProviderId", queue.ProviderId), ("QueueId", queue.QueueId),
            ("Items", items));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var messageIds = new List<long>();
        while (await reader.ReadAsync(ct))
        {
            messageIds.Add((long)reader["MessageId"]);
        }

        return messageIds;
    }

    private sealed record QueueName(string ServiceId, string ProviderId, string QueueId);

    private sealed record StreamMessage(long MessageId, int Dequeued, DateTime ExpiresOn, byte[] Payload);
}
