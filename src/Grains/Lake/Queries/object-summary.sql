-- Summarises one lake object of submission change events.
-- LakeQueryRunner replaces the object_file placeholder below with a quoted SQL string literal that names a local
-- copy of the object.
-- The result is one row: the record count and a JSON summary. Every list inside the summary has an explicit,
-- total ORDER BY, so the same object always gives byte-identical output.
WITH records AS (
    -- The document is JSON text in every row. Its members differ between versions (the enrichment and result
    -- members appear only later), so they are read by path rather than as columns.
    SELECT
        submissionId AS submission_id,
        version,
        status,
        correlationId AS correlation_id,
        json_extract_string(document, '$.enrichment.place.country') AS country,
        TRY_CAST(json_extract_string(document, '$.createdAt') AS TIMESTAMPTZ) AS created_at,
        TRY_CAST(json_extract_string(document, '$.enrichment.completedAt') AS TIMESTAMPTZ) AS enriched_at,
        TRY_CAST(json_extract_string(document, '$.updatedAt') AS TIMESTAMPTZ) AS updated_at
    FROM read_parquet({{object_file}})
),
by_status_country AS (
    SELECT status, country, count(*) AS records
    FROM records
    GROUP BY status, country
),
-- A submission reaches completed once, so each completed submission adds one sample. Records of the same
-- submission and version that a redelivery duplicated count once.
completed AS (
    SELECT DISTINCT submission_id, version, created_at, enriched_at, updated_at
    FROM records
    WHERE status = 'completed'
),
latency AS (
    SELECT
        date_diff('microsecond', created_at, enriched_at) / 1000.0 AS enrichment_ms,
        date_diff('microsecond', created_at, updated_at) / 1000.0 AS completion_ms
    FROM completed
),
-- The last version of each submission in this object. The version is unique per submission, and a duplicated
-- record carries the same status and correlation id, so the pick is deterministic.
latest AS (
    SELECT submission_id, correlation_id, version, status, country
    FROM records
    QUALIFY row_number() OVER (PARTITION BY submission_id ORDER BY version DESC, status, correlation_id) = 1
)
SELECT
    (SELECT count(*) FROM records) AS records,
    json_object(
        'byStatusAndCountry', (
            SELECT coalesce(
                to_json(list({'status': status, 'country': country, 'records': records} ORDER BY status, country NULLS FIRST)),
                '[]'::JSON)
            FROM by_status_country),
        'latencyMs', (
            SELECT json_object(
                'completedSubmissions', count(*),
                'enrichmentSamples', count(enrichment_ms),
                'enrichmentP50', round(quantile_cont(enrichment_ms, 0.50), 3),
                'enrichmentP95', round(quantile_cont(enrichment_ms, 0.95), 3),
                'enrichmentP99', round(quantile_cont(enrichment_ms, 0.99), 3),
                'completionP50', round(quantile_cont(completion_ms, 0.50), 3),
                'completionP95', round(quantile_cont(completion_ms, 0.95), 3),
                'completionP99', round(quantile_cont(completion_ms, 0.99), 3))
            FROM latency),
        'submissions', (
            SELECT coalesce(
                to_json(list({
                    'submissionId': submission_id,
                    'correlationId': correlation_id,
                    'version': version,
                    'status': status,
                    'country': country
                } ORDER BY submission_id)),
                '[]'::JSON)
            FROM latest)
    ) AS summary;
