-- Test-only query: the quarantined rows of one table (never exposed by the API).
SELECT rule, file_row::INTEGER AS file_row, record FROM quarantine WHERE table_name = $table ORDER BY file_row;
