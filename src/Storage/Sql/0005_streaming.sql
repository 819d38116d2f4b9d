-- Queues for Orleans ADO.NET streams.
-- The provider casts the columns it reads without conversion: MessageId must be bigint, Dequeued integer and the
-- time columns timestamps. timestamptz columns come back as UTC DateTime values, which the receiver compares with
-- DateTime.UtcNow. All durations arrive as whole seconds.

CREATE SEQUENCE IF NOT EXISTS OrleansStreamMessageSequence AS bigint START WITH 1 INCREMENT BY 1;

CREATE TABLE IF NOT EXISTS OrleansStreamMessage
(
    ServiceId varchar(150) NOT NULL,
    ProviderId varchar(150) NOT NULL,
    QueueId varchar(150) NOT NULL,
    MessageId bigint NOT NULL,
    Dequeued integer NOT NULL,
    VisibleOn timestamptz NOT NULL,
    ExpiresOn timestamptz NOT NULL,
    CreatedOn timestamptz NOT NULL,
    ModifiedOn timestamptz NOT NULL,
    Payload bytea NOT NULL,
    CONSTRAINT PK_OrleansStreamMessage PRIMARY KEY (ServiceId, ProviderId, QueueId, MessageId)
);

CREATE TABLE IF NOT EXISTS OrleansStreamDeadLetter
(
    ServiceId varchar(150) NOT NULL,
    ProviderId varchar(150) NOT NULL,
    QueueId varchar(150) NOT NULL,
    MessageId bigint NOT NULL,
    Dequeued integer NOT NULL,
    VisibleOn timestamptz NOT NULL,
    ExpiresOn timestamptz NOT NULL,
    CreatedOn timestamptz NOT NULL,
    ModifiedOn timestamptz NOT NULL,
    DeadOn timestamptz NOT NULL,
    RemoveOn timestamptz NOT NULL,
    Payload bytea NULL,
    CONSTRAINT PK_OrleansStreamDeadLetter PRIMARY KEY (ServiceId, ProviderId, QueueId, MessageId)
);

-- One row per queue: the time of the next eviction run.
CREATE TABLE IF NOT EXISTS OrleansStreamControl
(
    ServiceId varchar(150) NOT NULL,
    ProviderId varchar(150) NOT NULL,
    QueueId varchar(150) NOT NULL,
    EvictOn timestamptz NOT NULL,
    CONSTRAINT PK_OrleansStreamControl PRIMARY KEY (ServiceId, ProviderId, QueueId)
);

-- Moves up to p_max_count messages that ran out of attempts or expired to the dead letters, and returns how many
-- moved. Messages still inside their visibility timeout stay, because a receiver may yet confirm them.
CREATE OR REPLACE FUNCTION dovetail_stream_evict_messages(
    p_service_id text,
    p_provider_id text,
    p_queue_id text,
    p_max_count integer,
    p_max_attempts integer,
    p_removal_timeout integer)
RETURNS integer
LANGUAGE sql
AS $$
    WITH victims AS
    (
        SELECT MessageId
        FROM OrleansStreamMessage
        WHERE ServiceId = p_service_id AND ProviderId = p_provider_id AND QueueId = p_queue_id
            AND VisibleOn <= now() AND (Dequeued >= p_max_attempts OR ExpiresOn <= now())
        ORDER BY MessageId
        LIMIT p_max_count
        FOR UPDATE SKIP LOCKED
    ),
    moved AS
    (
        DELETE FROM OrleansStreamMessage m
        USING victims v
        WHERE m.ServiceId = p_service_id AND m.ProviderId = p_provider_id AND m.QueueId = p_queue_id
            AND m.MessageId = v.MessageId
        RETURNING m.*
    ),
    inserted AS
    (
        INSERT INTO OrleansStreamDeadLetter
            (ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn,
             DeadOn, RemoveOn, Payload)
        SELECT ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn,
            now(), now() + p_removal_timeout * interval '1 second', Payload
        FROM moved
        ON CONFLICT DO NOTHING
        RETURNING 1
    )
    SELECT count(*)::integer FROM inserted;
$$;

-- Deletes up to p_max_count dead letters whose removal time has passed, and returns how many it deleted.
CREATE OR REPLACE FUNCTION dovetail_stream_evict_dead_letters(
    p_service_id text,
    p_provider_id text,
    p_queue_id text,
    p_max_count integer)
RETURNS integer
LANGUAGE sql
AS $$
    WITH victims AS
    (
        SELECT MessageId
        FROM OrleansStreamDeadLetter
        WHERE ServiceId = p_service_id AND ProviderId = p_provider_id AND QueueId = p_queue_id
            AND RemoveOn <= now()
        ORDER BY MessageId
        LIMIT p_max_count
        FOR UPDATE SKIP LOCKED
    ),
    deleted AS
    (
        DELETE FROM OrleansStreamDeadLetter d
        USING victims v
        WHERE d.ServiceId = p_service_id AND d.ProviderId = p_provider_id AND d.QueueId = p_queue_id
            AND d.MessageId = v.MessageId
        RETURNING 1
    )
    SELECT count(*)::integer FROM deleted;
$$;

-- Dequeues up to p_max_count visible messages in MessageId order. Each returned message has its Dequeued count
-- (the receipt) incremented and stays hidden for the visibility timeout. At most once per eviction interval per
-- queue, the caller that advances the control row first also runs both evictions.
CREATE OR REPLACE FUNCTION dovetail_stream_get(
    p_service_id text,
    p_provider_id text,
    p_queue_id text,
    p_max_count integer,
    p_max_attempts integer,
    p_visibility_timeout integer,
    p_removal_timeout integer,
    p_eviction_interval integer,
    p_eviction_batch_size integer)
RETURNS SETOF OrleansStreamMessage
LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO OrleansStreamControl (ServiceId, ProviderId, QueueId, EvictOn)
    VALUES (p_service_id, p_provider_id, p_queue_id, now())
    ON CONFLICT DO NOTHING;

    UPDATE OrleansStreamControl
    SET EvictOn = now() + p_eviction_interval * interval '1 second'
    WHERE ServiceId = p_service_id AND ProviderId = p_provider_id AND QueueId = p_queue_id AND EvictOn <= now();

    IF FOUND THEN
        PERFORM dovetail_stream_evict_messages(
            p_service_id, p_provider_id, p_queue_id, p_eviction_batch_size, p_max_attempts, p_removal_timeout);
        PERFORM dovetail_stream_evict_dead_letters(p_service_id, p_provider_id, p_queue_id, p_eviction_batch_size);
    END IF;

    RETURN QUERY
    WITH picked AS
    (
        SELECT s.MessageId
        FROM OrleansStreamMessage s
        WHERE s.ServiceId = p_service_id AND s.ProviderId = p_provider_id AND s.QueueId = p_queue_id
            AND s.Dequeued < p_max_attempts AND s.VisibleOn <= now() AND s.ExpiresOn > now()
        ORDER BY s.MessageId
        LIMIT p_max_count
        FOR UPDATE SKIP LOCKED
    )
    UPDATE OrleansStreamMessage m
    SET Dequeued = m.Dequeued + 1,
        VisibleOn = now() + p_visibility_timeout * interval '1 second',
        ModifiedOn = now()
    FROM picked
    WHERE m.ServiceId = p_service_id AND m.ProviderId = p_provider_id AND m.QueueId = p_queue_id
        AND m.MessageId = picked.MessageId
    RETURNING m.*;
END;
$$;

-- ConfirmStreamMessagesKey receives @Items as "id:receipt|id:receipt". A positive receipt acknowledges the message:
-- it is deleted only if its Dequeued count still equals the receipt, so a stale receipt deletes nothing. A negative
-- receipt releases the message (receiver shutdown): it becomes visible at once if Dequeued equals the receipt's
-- absolute value. Both forms return the keys of the rows they changed.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'QueueStreamMessageKey',
    $q$
    INSERT INTO OrleansStreamMessage
        (ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, Payload)
    VALUES
        (@ServiceId, @ProviderId, @QueueId, nextval('OrleansStreamMessageSequence'), 0, now(),
         now() + @ExpiryTimeout * interval '1 second', now(), now(), @Payload)
    RETURNING ServiceId, ProviderId, QueueId, MessageId;
    $q$
),
(
    'GetStreamMessagesKey',
    $q$
    SELECT ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, Payload
    FROM dovetail_stream_get(@ServiceId, @ProviderId, @QueueId, @MaxCount, @MaxAttempts, @VisibilityTimeout,
        @RemovalTimeout, @EvictionInterval, @EvictionBatchSize);
    $q$
),
(
    'ConfirmStreamMessagesKey',
    $q$
    WITH items AS
    (
        SELECT split_part(item, ':', 1)::bigint AS MessageId, split_part(item, ':', 2)::integer AS Receipt
        FROM unnest(string_to_array(@Items, '|')) AS item
        WHERE item <> ''
    ),
    acknowledged AS
    (
        DELETE FROM OrleansStreamMessage m
        USING items i
        WHERE m.ServiceId = @ServiceId AND m.ProviderId = @ProviderId AND m.QueueId = @QueueId
            AND m.MessageId = i.MessageId AND i.Receipt > 0 AND m.Dequeued = i.Receipt
        RETURNING m.ServiceId, m.ProviderId, m.QueueId, m.MessageId
    ),
    released AS
    (
        UPDATE OrleansStreamMessage m
        SET VisibleOn = now(), ModifiedOn = now()
        FROM items i
        WHERE m.ServiceId = @ServiceId AND m.ProviderId = @ProviderId AND m.QueueId = @QueueId
            AND m.MessageId = i.MessageId AND i.Receipt < 0 AND m.Dequeued = -i.Receipt
        RETURNING m.ServiceId, m.ProviderId, m.QueueId, m.MessageId
    )
    SELECT ServiceId, ProviderId, QueueId, MessageId FROM acknowledged
    UNION ALL
    SELECT ServiceId, ProviderId, QueueId, MessageId FROM released;
    $q$
),
(
    'FailStreamMessageKey',
    $q$
    WITH moved AS
    (
        DELETE FROM OrleansStreamMessage
        WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId AND QueueId = @QueueId
            AND MessageId = @MessageId AND Dequeued >= @MaxAttempts
        RETURNING *
    )
    INSERT INTO OrleansStreamDeadLetter
        (ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn,
         DeadOn, RemoveOn, Payload)
    SELECT ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn,
        now(), now() + @RemovalTimeout * interval '1 second', Payload
    FROM moved
    ON CONFLICT DO NOTHING;

    UPDATE OrleansStreamMessage
    SET VisibleOn = now(), ModifiedOn = now()
    WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId AND QueueId = @QueueId
        AND MessageId = @MessageId AND Dequeued < @MaxAttempts;
    $q$
),
(
    'EvictStreamMessagesKey',
    $q$
    SELECT dovetail_stream_evict_messages(@ServiceId, @ProviderId, @QueueId, @MaxCount, @MaxAttempts,
        @RemovalTimeout);
    $q$
),
(
    'EvictStreamDeadLettersKey',
    $q$
    SELECT dovetail_stream_evict_dead_letters(@ServiceId, @ProviderId, @QueueId, @MaxCount);
    $q$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
