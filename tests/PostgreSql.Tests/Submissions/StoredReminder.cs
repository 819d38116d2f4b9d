namespace Dovetail.PostgreSql.Tests.Submissions;

/// <summary>One row of the ADO.NET reminders table, as PostgreSQL returns it.</summary>
public sealed record StoredReminder(string Name, DateTimeOffset StartTime, TimeSpan Period);
