-- Rows of the table being imported with nothing in any column read (sql/office/<table>.sql marks them
-- `_blank`; src leaves them out): the import's report says how many.
SELECT count(*) FILTER (WHERE _blank) AS n
FROM read_parquet(getvariable('office_mapped'), union_by_name = true);
