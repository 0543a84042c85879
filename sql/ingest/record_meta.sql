INSERT INTO ingest_meta VALUES ($key, $value);
