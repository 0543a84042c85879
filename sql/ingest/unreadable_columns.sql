-- The columns whose values could not be read in one table's quarantined rows (unreadable_value),
-- counted: an import that would quarantine a whole table names them.
SELECT col, count(*)::INTEGER AS n
FROM (SELECT unnest(string_split(json_extract_string(record, '$.unreadable'), ',')) AS col FROM quarantine WHERE table_name = $table AND rule = 'unreadable_value')
GROUP BY 1 ORDER BY 2 DESC, 1;
