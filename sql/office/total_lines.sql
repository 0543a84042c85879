-- Total lines (合计, 小计, 全县, a township's subtotal beside its villages) of the population being imported:
-- sql/office/population.sql and population_sum_lines.sql mark them `_total` and src leaves them out; the
-- import's report says how many lines — a wide line's 男 and 女 are one (its file named without them).
SELECT count(DISTINCT (regexp_replace(_file, ' (男|女)$', ''), _line, _row)) FILTER (WHERE _total)::BIGINT AS n
FROM read_parquet(getvariable('office_mapped'), union_by_name = true);
