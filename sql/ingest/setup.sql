-- Tables every ingested database has beside the contract tables.
-- quarantine holds each rejected row whole (as JSON), with the rule it broke: nothing is dropped silently.
-- It is never served row by row: the API reads counts only.
CREATE TABLE quarantine (table_name VARCHAR, rule VARCHAR, file VARCHAR, file_row BIGINT, record VARCHAR);
CREATE TABLE ingest_tables (table_name VARCHAR PRIMARY KEY, files INTEGER, rows_read BIGINT, rows_accepted BIGINT, seconds DOUBLE);
CREATE TABLE ingest_meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE assets (name VARCHAR PRIMARY KEY, content VARCHAR);
-- Targets from the export folder's targets file (targets/file.ts); admins' edits live beside the database.
CREATE TABLE targets (measure VARCHAR, scope VARCHAR, year INTEGER, direction VARCHAR, value DOUBLE, upper DOUBLE, source_line VARCHAR);
