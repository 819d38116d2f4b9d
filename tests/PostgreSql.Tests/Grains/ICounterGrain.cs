namespace Dovetail.PostgreSql.Tests.Grains;

/// <summary>A test grain whose count lives in PostgreSQL grain storage.</summary>
public interface ICounterGrain : IGrainWithGuidKey
{
    Task SetAsync(int value);

    Task<int> GetAsync();

    Task StartReminderAsync(TimeSpan dueTime, TimeSpan period);

    Task StopReminderAsync();

    Task<int> GetReminderTicksAsync();
}
