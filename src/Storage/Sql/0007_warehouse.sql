-- The warehouse: every change from the lake, loaded one lake day at a time, for reporting with plain SQL. A day is
-- the date prefix of the lake objects (date=YYYY-MM-DD, from each object's window start), so a load reads whole
-- objects. Rows carry the cluster's service id, so clusters sharing a database keep separate warehouses.
CREATE SCHEMA IF NOT EXISTS dovetail_warehouse;

-- One row per committed change, once: the lake stores each change in one object, and should a change ever come in
-- two, the copy loaded first stays. The document is the submission's document at that version.
CREATE TABLE IF NOT EXISTS dovetail_warehouse.changes
(
    service_id text NOT NULL,
    day date NOT NULL,
    event_id text NOT NULL,
    submission_id text NOT NULL,
    version integer NOT NULL,
    status text NOT NULL,
    occurred_at timestamptz NOT NULL,
    cause text NOT NULL,
    client_id text NOT NULL,
    correlation_id text NOT NULL,
    trace_parent text NULL,
    document jsonb NOT NULL,
    object_path text NOT NULL,
    CONSTRAINT pk_dovetail_warehouse_changes PRIMARY KEY (service_id, event_id)
);

CREATE INDEX IF NOT EXISTS ix_dovetail_warehouse_changes_day ON dovetail_warehouse.changes (service_id, day);

CREATE INDEX IF NOT EXISTS ix_dovetail_warehouse_changes_submission
    ON dovetail_warehouse.changes (service_id, submission_id, version);

-- One row per loaded day: what the load read, so a repeated load of an unchanged day does nothing, and a day whose
-- objects changed (a late object) is loaded again in full.
CREATE TABLE IF NOT EXISTS dovetail_warehouse.loads
(
    service_id text NOT NULL,
    day date NOT NULL,
    source_fingerprint text NOT NULL,
    objects integer NOT NULL,
    records bigint NOT NULL,
    loaded_at timestamptz NOT NULL,
    CONSTRAINT pk_dovetail_warehouse_loads PRIMARY KEY (service_id, day)
);
