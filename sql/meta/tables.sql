-- Rows read and accepted per table at the last import.
SELECT table_name, files, rows_read::DOUBLE AS rows_read, rows_accepted::DOUBLE AS rows_accepted, seconds
FROM ingest_tables ORDER BY table_name;
