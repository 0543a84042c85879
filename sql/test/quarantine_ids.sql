-- Test-only query: every quarantined row's table, rule and record id (from the kept JSON).
SELECT table_name, rule,
       coalesce(json_extract_string(record, '$.birth_id'), json_extract_string(record, '$.migrant_id'),
                json_extract_string(record, '$.marriage_id'), json_extract_string(record, '$.death_id'),
                json_extract_string(record, '$.code')) AS id
FROM quarantine ORDER BY ALL;
