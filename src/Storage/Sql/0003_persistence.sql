-- Grain state for the Orleans ADO.NET grain storage.
-- The unique index makes concurrent first writes of one grain insert a single row, because a second row would
-- make every later read fail. The two strings are indexed through md5 so that the btree entry stays far below its
-- size limit for any key length, and NULLS NOT DISTINCT (PostgreSQL 15) makes a NULL key extension a single value.

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash integer NOT NULL,
    GrainIdN0 bigint NOT NULL,
    GrainIdN1 bigint NOT NULL,
    GrainTypeHash integer NOT NULL,
    GrainTypeString varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512) NULL,
    ServiceId varchar(150) NOT NULL,
    PayloadBinary bytea NULL,
    ModifiedOn timestamptz NOT NULL DEFAULT now(),
    Version integer NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS UX_OrleansStorage_Grain
    ON OrleansStorage (GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, ServiceId, md5(GrainTypeString),
        md5(GrainIdExtensionString))
    NULLS NOT DISTINCT;

-- Writes the state and returns the new version, or NULL on a version conflict, which the provider raises as an
-- InconsistentStateException. Without an expected version the row must not exist yet.
CREATE OR REPLACE FUNCTION dovetail_storage_write(
    p_grain_id_hash integer,
    p_grain_id_n0 bigint,
    p_grain_id_n1 bigint,
    p_grain_type_hash integer,
    p_grain_type_string text,
    p_grain_id_extension_string text,
    p_service_id text,
    p_expected_version integer,
    p_payload bytea)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    new_version integer;
BEGIN
    IF p_expected_version IS NULL THEN
        INSERT INTO OrleansStorage
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId,
             PayloadBinary, ModifiedOn, Version)
        VALUES
            (p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type_hash, p_grain_type_string,
             p_grain_id_extension_string, p_service_id, p_payload, now(), 1)
        ON CONFLICT DO NOTHING
        RETURNING Version INTO new_version;

        RETURN new_version;
    END IF;

    UPDATE OrleansStorage
    SET PayloadBinary = p_payload, ModifiedOn = now(), Version = Version + 1
    WHERE GrainIdHash = p_grain_id_hash AND GrainTypeHash = p_grain_type_hash
        AND GrainIdN0 = p_grain_id_n0 AND GrainIdN1 = p_grain_id_n1
        AND GrainTypeString = p_grain_type_string
        AND GrainIdExtensionString IS NOT DISTINCT FROM p_grain_id_extension_string
        AND ServiceId = p_service_id
        AND Version = p_expected_version
    RETURNING Version INTO new_version;

    RETURN new_version;
END;
$$;

-- Clears the payload and returns the new version, or NULL on a version conflict. Clearing a grain that was never
-- written stores an empty row with version 1, because the provider treats an unchanged NULL version as a conflict.
CREATE OR REPLACE FUNCTION dovetail_storage_clear(
    p_grain_id_hash integer,
    p_grain_id_n0 bigint,
    p_grain_id_n1 bigint,
    p_grain_type_hash integer,
    p_grain_type_string text,
    p_grain_id_extension_string text,
    p_service_id text,
    p_expected_version integer)
RETURNS integer
LANGUAGE sql
AS $$
    SELECT dovetail_storage_write(p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type_hash,
        p_grain_type_string, p_grain_id_extension_string, p_service_id, p_expected_version, NULL);
$$;

-- Deletes the row and returns the deleted version plus one, or NULL on a version conflict. Without an expected
-- version there is nothing to delete, so it returns 0 when no row exists.
CREATE OR REPLACE FUNCTION dovetail_storage_delete(
    p_grain_id_hash integer,
    p_grain_id_n0 bigint,
    p_grain_id_n1 bigint,
    p_grain_type_hash integer,
    p_grain_type_string text,
    p_grain_id_extension_string text,
    p_service_id text,
    p_expected_version integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    deleted_version integer;
BEGIN
    IF p_expected_version IS NULL THEN
        IF EXISTS (
            SELECT 1 FROM OrleansStorage
            WHERE GrainIdHash = p_grain_id_hash AND GrainTypeHash = p_grain_type_hash
                AND GrainIdN0 = p_grain_id_n0 AND GrainIdN1 = p_grain_id_n1
                AND GrainTypeString = p_grain_type_string
                AND GrainIdExtensionString IS NOT DISTINCT FROM p_grain_id_extension_string
                AND ServiceId = p_service_id) THEN
            RETURN NULL;
        END IF;

        RETURN 0;
    END IF;

    DELETE FROM OrleansStorage
    WHERE GrainIdHash = p_grain_id_hash AND GrainTypeHash = p_grain_type_hash
        AND GrainIdN0 = p_grain_id_n0 AND GrainIdN1 = p_grain_id_n1
        AND GrainTypeString = p_grain_type_string
        AND GrainIdExtensionString IS NOT DISTINCT FROM p_grain_id_extension_string
        AND ServiceId = p_service_id
        AND Version = p_expected_version
    RETURNING Version INTO deleted_version;

    RETURN deleted_version + 1;
END;
$$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadFromStorageKey',
    $q$
    SELECT PayloadBinary, Version
    FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
        AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
        AND GrainTypeString = @GrainTypeString
        AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
        AND ServiceId = @ServiceId;
    $q$
),
(
    'WriteToStorageKey',
    $q$
    SELECT dovetail_storage_write(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary) AS NewGrainStateVersion;
    $q$
),
(
    'ClearStorageKey',
    $q$
    SELECT dovetail_storage_clear(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @GrainStateVersion) AS NewGrainStateVersion;
    $q$
),
(
    'DeleteStorageKey',
    $q$
    SELECT dovetail_storage_delete(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @GrainStateVersion) AS NewGrainStateVersion;
    $q$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
