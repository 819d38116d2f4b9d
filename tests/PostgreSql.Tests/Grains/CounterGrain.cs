namespace Dovetail.PostgreSql.Tests.Grains;

public sealed class CounterGrain(
    [PersistentState("counter", PostgresClusterFixture.StorageName)] IPersistentState<CounterState> state)
    : Grain, ICounterGrain, IRemindable
{
    private const string ReminderName = "tick";

    private int reminderTicks;

    public async Task SetAsync(int value)
    {
        state.State = new CounterState(value, $"value {value}");
        await state.WriteStateAsync();
    }

    public Task<int> GetAsync() => Task.FromResult(state.State?.Value ?? 0);

    public async Task StartReminderAsync(TimeSpan dueTime, TimeSpan period) =>
        await this.RegisterOrUpdateReminder(ReminderName, dueTime, period);

    public async Task StopReminderAsync()
    {
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task<int> GetReminderTicksAsync() => Task.FromResult(reminderTicks);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        reminderTicks++;
        return Task.CompletedTask;
    }
}
