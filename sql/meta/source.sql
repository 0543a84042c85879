-- The export folder the current database was imported from.
SELECT value AS source FROM ingest_meta WHERE key = 'source';
