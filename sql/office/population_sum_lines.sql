-- An office population table finer than the township (a line per village, by its 12-digit code, or per
-- 户口性质 农业/非农业): the rows of one year, township, sex and age are added up, as the township's
-- count is, within a file and across the table's files. A line repeated exactly (the same rows pasted twice, or one file saved under two names) is
-- not added: its copies are left to the rules, which quarantine them as duplicates. A township's own line
-- (its code ending 000) beside its villages' is their subtotal: marked _total, left out like a 合计 line. A sum keeps its first
-- line's _file and _row. Rows with a value not read are kept as they are, for the rules. Written to $out.
SET VARIABLE office_sum_in = $files;
SET VARIABLE office_sum_out = $out;
CREATE OR REPLACE TEMP VIEW office_population_marked AS
WITH keyed AS (
  SELECT *, unreadable IS NULL AND year IS NOT NULL AND township_code IS NOT NULL AND sex IS NOT NULL AND age IS NOT NULL AND count IS NOT NULL
      AND NOT _total AS readable
  FROM read_parquet(getvariable('office_sum_in'), union_by_name = true)
), levels AS (
  -- a township's own line (its 12-digit code ending 000) beside its villages' lines is their subtotal
  SELECT *, readable AND _township_line AND bool_or(readable AND NOT _township_line) OVER (PARTITION BY year, township_code, sex, age) AS subtotal
  FROM keyed
)
SELECT * EXCLUDE (readable, subtotal) REPLACE (_total OR subtotal AS _total),
  readable AND NOT subtotal AND row_number() OVER (PARTITION BY _line, sex, age, readable AND NOT subtotal ORDER BY _file, _row) = 1 AS summed
FROM levels;
COPY (
  SELECT * EXCLUDE (summed) FROM office_population_marked WHERE NOT summed
  UNION ALL BY NAME
  SELECT year, township_code, sex, age, sum(count) AS count, arg_min(_file, _row) AS _file, min(_row) AS _row, false AS _blank,
    false AS _total, any_value(_header_row) AS _header_row
  FROM office_population_marked WHERE summed
  GROUP BY year, township_code, sex, age
) TO (getvariable('office_sum_out')) (FORMAT parquet);
-- the lines added into an earlier line's rows (a wide line's 男 and 女 are one line: one _line and _row)
SELECT count(DISTINCT (_line, _row))::BIGINT AS added FROM (
  SELECT _line, _row, row_number() OVER (PARTITION BY year, township_code, sex, age ORDER BY _file, _row) AS place
  FROM office_population_marked WHERE summed
) WHERE place > 1;
