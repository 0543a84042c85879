-- What the pages say about the import: the county's name, when it was imported, and whether the
-- population came in 5-year groups and was graduated to single ages (the quality page says so).
SELECT key, value FROM ingest_meta WHERE key IN ('county_name', 'ingested_at', 'population_graduated');
