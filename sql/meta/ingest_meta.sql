-- What the pages say about the import: the county's name, when it was imported, whether the population
-- came in 5-year groups and was graduated to single ages, and the first ages of open age groups below
-- 100 shared over the ages to 100+ (the quality page says both).
SELECT key, value FROM ingest_meta WHERE key IN ('county_name', 'ingested_at', 'population_graduated', 'population_open_age_from');
