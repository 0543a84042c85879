-- The county name of the database an import replaces (attached as `previous`, read-only).
SELECT value FROM previous.ingest_meta WHERE key = 'county_name';
