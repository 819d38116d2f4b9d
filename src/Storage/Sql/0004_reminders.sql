-- Reminders for the Orleans ADO.NET reminder service.
-- GrainId contains GrainId.ToString() ("type/key"), which can be longer than 150 characters for string keys.
-- The index on (ServiceId, GrainHash) serves the range reads that each silo runs for its part of the hash ring.

CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId varchar(150) NOT NULL,
    GrainId varchar(512) NOT NULL,
    ReminderName varchar(150) NOT NULL,
    StartTime timestamptz NOT NULL,
    Period bigint NOT NULL,
    GrainHash integer NOT NULL,
    Version integer NOT NULL,
    CONSTRAINT PK_OrleansRemindersTable PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

CREATE INDEX IF NOT EXISTS IX_OrleansRemindersTable_GrainHash ON OrleansRemindersTable (ServiceId, GrainHash);

-- GrainHash is the grain's uniform hash reinterpreted as a signed integer, so the range reads compare signed
-- values, as the provider expects. Period is in milliseconds.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadReminderRowsKey',
    $q$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND GrainId = @GrainId;
    $q$
),
(
    'ReadReminderRowKey',
    $q$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;
    $q$
),
(
    'ReadRangeRows1Key',
    $q$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash;
    $q$
),
(
    'ReadRangeRows2Key',
    $q$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
    $q$
),
(
    'UpsertReminderRowKey',
    $q$
    INSERT INTO OrleansRemindersTable AS r (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
    SET StartTime = EXCLUDED.StartTime,
        Period = EXCLUDED.Period,
        GrainHash = EXCLUDED.GrainHash,
        Version = CASE WHEN r.Version = 2147483647 THEN 0 ELSE r.Version + 1 END
    RETURNING Version;
    $q$
),
(
    'DeleteReminderRowKey',
    $q$
    WITH deleted AS
    (
        DELETE FROM OrleansRemindersTable
        WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
            AND Version = @Version
        RETURNING 1
    )
    SELECT count(*)::integer FROM deleted;
    $q$
),
(
    'DeleteReminderRowsKey',
    $q$
    DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId;
    $q$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
