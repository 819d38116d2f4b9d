-- Membership for Orleans ADO.NET clustering (silos and gateway clients).
-- Every timestamp the provider binds is a UTC DateTime that Npgsql sends as timestamptz, so the columns and
-- function arguments are timestamptz: a plain timestamp would be shifted by the session time zone.

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId varchar(150) NOT NULL,
    Timestamp timestamptz NOT NULL DEFAULT now(),
    Version integer NOT NULL DEFAULT 0,
    CONSTRAINT PK_OrleansMembershipVersionTable PRIMARY KEY (DeploymentId)
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId varchar(150) NOT NULL,
    Address varchar(45) NOT NULL,
    Port integer NOT NULL,
    Generation integer NOT NULL,
    SiloName varchar(150) NOT NULL,
    HostName varchar(253) NOT NULL,
    Status integer NOT NULL,
    ProxyPort integer NULL,
    SuspectTimes text NULL,
    StartTime timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    CONSTRAINT PK_OrleansMembershipTable PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_OrleansMembershipTable_Version FOREIGN KEY (DeploymentId)
        REFERENCES OrleansMembershipVersionTable (DeploymentId)
);

-- Inserts a member and increments the table version only when the version still equals p_version and the member
-- is new. Returns 1 on success, else 0. The exception block is a subtransaction, so a duplicate member rolls the
-- version increment back and the caller sees 0 with no partial change.
CREATE OR REPLACE FUNCTION dovetail_membership_insert(
    p_deployment_id text,
    p_address text,
    p_port integer,
    p_generation integer,
    p_silo_name text,
    p_host_name text,
    p_status integer,
    p_proxy_port integer,
    p_start_time timestamptz,
    p_i_am_alive_time timestamptz,
    p_version integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = p_deployment_id AND Version = p_version;

    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port,
         p_start_time, p_i_am_alive_time);

    RETURN 1;
EXCEPTION
    WHEN unique_violation THEN
        RETURN 0;
END;
$$;

-- Updates a member and increments the table version only when the version still equals p_version and the member
-- exists. Returns 1 on success, else 0 with no change: a missing member raises no_data_found inside the block,
-- which rolls the version increment back.
CREATE OR REPLACE FUNCTION dovetail_membership_update(
    p_deployment_id text,
    p_address text,
    p_port integer,
    p_generation integer,
    p_status integer,
    p_suspect_times text,
    p_i_am_alive_time timestamptz,
    p_version integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = p_deployment_id AND Version = p_version;

    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE OrleansMembershipTable
    SET Status = p_status, SuspectTimes = p_suspect_times, IAmAliveTime = p_i_am_alive_time
    WHERE DeploymentId = p_deployment_id AND Address = p_address AND Port = p_port AND Generation = p_generation;

    IF NOT FOUND THEN
        RAISE SQLSTATE 'P0002';
    END IF;

    RETURN 1;
EXCEPTION
    WHEN no_data_found THEN
        RETURN 0;
END;
$$;

-- Status values are Orleans SiloStatus numbers: 3 is Active and 6 is Dead.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'InsertMembershipVersionKey',
    $q$
    WITH inserted AS
    (
        INSERT INTO OrleansMembershipVersionTable (DeploymentId)
        VALUES (@DeploymentId)
        ON CONFLICT (DeploymentId) DO NOTHING
        RETURNING 1
    )
    SELECT count(*)::integer FROM inserted;
    $q$
),
(
    'MembershipReadRowKey',
    $q$
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
        m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m
        ON m.DeploymentId = v.DeploymentId
        AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    WHERE v.DeploymentId = @DeploymentId;
    $q$
),
(
    'MembershipReadAllKey',
    $q$
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
        m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
    WHERE v.DeploymentId = @DeploymentId;
    $q$
),
(
    'InsertMembershipKey',
    $q$
    SELECT dovetail_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
        @ProxyPort, @StartTime, @IAmAliveTime, @Version);
    $q$
),
(
    'UpdateMembershipKey',
    $q$
    SELECT dovetail_membership_update(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
        @IAmAliveTime, @Version);
    $q$
),
(
    'UpdateIAmAlivetimeKey',
    $q$
    UPDATE OrleansMembershipTable
    SET IAmAliveTime = @IAmAliveTime
    WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
        AND IAmAliveTime < @IAmAliveTime;
    $q$
),
(
    'DeleteMembershipTableEntriesKey',
    $q$
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
    DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
    $q$
),
(
    'GatewaysQueryKey',
    $q$
    SELECT Address, ProxyPort, Generation
    FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;
    $q$
),
(
    'CleanupDefunctSiloEntriesKey',
    $q$
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND Status = 6
        AND StartTime < @IAmAliveTime AND IAmAliveTime < @IAmAliveTime;
    $q$
),
(
    'CleanupDefunctSiloEntryKey',
    $q$
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
        AND Status = 6
        AND StartTime = @StartTime AND IAmAliveTime = @IAmAliveTime
        AND coalesce(SuspectTimes, '') = coalesce(@SuspectTimes, '');
    $q$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
