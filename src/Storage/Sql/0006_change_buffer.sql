-- The change batching grains' buffer. Each stream partition appends the events it receives, one row per event.
-- A batch of any size then costs one insert per event instead of a rewrite of the whole batch, and a silo that
-- dies loses nothing the stream delivered. Publishing an object moves its event ids to the published table and
-- advances the partition's cursor in one transaction.

-- One row per partition: the open fixed window (null when nothing is buffered), the window of the last published
-- object, and the sequence number of the next object. A flush can close a window before it ends. Events that come
-- later in the same window then continue its sequence instead of reusing, and so replacing, a published name.
CREATE TABLE IF NOT EXISTS dovetail_change_partition
(
    service_id text NOT NULL,
    partition bigint NOT NULL,
    window_start timestamptz NULL,
    last_window_start timestamptz NULL,
    next_sequence integer NOT NULL DEFAULT 1,
    CONSTRAINT pk_dovetail_change_partition PRIMARY KEY (service_id, partition)
);

-- Events received and not yet published. The position keeps arrival order within a partition; the primary key on
-- the event id drops a redelivered event that is still buffered.
CREATE TABLE IF NOT EXISTS dovetail_change_buffer
(
    service_id text NOT NULL,
    event_id text NOT NULL,
    partition bigint NOT NULL,
    position bigint GENERATED ALWAYS AS IDENTITY,
    submission_id text NOT NULL,
    version integer NOT NULL,
    status integer NOT NULL,
    occurred_at timestamptz NOT NULL,
    cause text NOT NULL,
    client_id text NOT NULL,
    correlation_id text NOT NULL,
    trace_parent text NULL,
    document text NOT NULL,
    bytes bigint NOT NULL,
    CONSTRAINT pk_dovetail_change_buffer PRIMARY KEY (service_id, event_id)
);

CREATE INDEX IF NOT EXISTS ix_dovetail_change_buffer_position ON dovetail_change_buffer (service_id, partition, position);

-- Event ids already in a published object, kept for a retention period so that a redelivered event is dropped
-- instead of appearing in a second object.
CREATE TABLE IF NOT EXISTS dovetail_change_published
(
    service_id text NOT NULL,
    event_id text NOT NULL,
    partition bigint NOT NULL,
    object_path text NOT NULL,
    published_at timestamptz NOT NULL,
    CONSTRAINT pk_dovetail_change_published PRIMARY KEY (service_id, event_id)
);

CREATE INDEX IF NOT EXISTS ix_dovetail_change_published_age ON dovetail_change_published (service_id, partition, published_at);

-- Published objects whose query step has not finished yet; the batching grain runs them again after a crash.
CREATE TABLE IF NOT EXISTS dovetail_lake_pending_query
(
    service_id text NOT NULL,
    object_path text NOT NULL,
    partition bigint NOT NULL,
    published_at timestamptz NOT NULL,
    CONSTRAINT pk_dovetail_lake_pending_query PRIMARY KEY (service_id, object_path)
);

CREATE INDEX IF NOT EXISTS ix_dovetail_lake_pending_query_partition ON dovetail_lake_pending_query (service_id, partition);
