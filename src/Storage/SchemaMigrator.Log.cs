using Microsoft.Extensions.Logging;

namespace Dovetail.Storage;

public static partial class SchemaMigrator
{
    [LoggerMessage(EventId = 3000, EventName = "SchemaMigrationStarting", Level = LogLevel.Information,
        Message = "Applying {ScriptCount} schema scripts to database {Database}")]
    private static partial void LogMigrationStarting(ILogger logger, string database, int scriptCount);

    [LoggerMessage(EventId = 3001, EventName = "SchemaMigrationFinished", Level = LogLevel.Information,
        Message = "Applied {ScriptCount} schema scripts to database {Database}")]
    private static partial void LogMigrationFinished(ILogger logger, string database, int scriptCount);

    [LoggerMessage(EventId = 3002, EventName = "SchemaScriptAppliedFirstTime", Level = LogLevel.Information,
        Message = "Applied schema script {FileName} for the first time (checksum {Checksum})")]
    private static partial void LogScriptAppliedFirstTime(ILogger logger, string fileName, string checksum);

    [LoggerMessage(EventId = 3003, EventName = "SchemaScriptAppliedChanged", Level = LogLevel.Information,
        Message = "Applied changed schema script {FileName} (checksum {PreviousChecksum} -> {Checksum})")]
    private static partial void LogScriptAppliedChanged(
        ILogger logger, string fileName, string previousChecksum, string checksum);

    [LoggerMessage(EventId = 3004, EventName = "SchemaScriptReapplied", Level = LogLevel.Debug,
        Message = "Re-applied unchanged schema script {FileName}")]
    private static partial void LogScriptReapplied(ILogger logger, string fileName);

    [LoggerMessage(EventId = 3005, EventName = "SchemaMigrationFailed", Level = LogLevel.Error,
        Message = "Schema migration of database {Database} failed")]
    private static partial void LogMigrationFailed(ILogger logger, Exception exception, string database);
}
