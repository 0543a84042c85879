SELECT key, value FROM ingest_meta WHERE key IN ('county_name', 'ingested_at');
