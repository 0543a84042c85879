-- Total lines (合计, 小计, 全县) of the population being imported: sql/office/population.sql marks them
-- `_total` and src leaves them out; the import's report says how many lines (a wide line's 男 and 女 are one).
SELECT count(DISTINCT (_line, _row)) FILTER (WHERE _total)::BIGINT AS n
FROM read_parquet(getvariable('office_mapped'), union_by_name = true);
