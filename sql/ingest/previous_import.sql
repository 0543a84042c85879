-- What the database an import replaces (attached as `previous`, read-only) says of itself: its county
-- name, and its import report (each table's rows accepted).
SELECT key, value FROM previous.ingest_meta WHERE key IN ('county_name', 'report');
