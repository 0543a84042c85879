-- What one table's import did, for /api/meta and the data-quality page.
INSERT INTO ingest_tables VALUES ($table, $files, $rows_read, $rows_accepted, $seconds);
