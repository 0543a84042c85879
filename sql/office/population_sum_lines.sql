-- An office population table finer than the township (a line per village, by its 12-digit code, or per
-- 户口性质 农业/非农业): the rows of one year, township, sex and age are added up, as the township's
-- count is, within a file and across the table's files. A line repeated exactly (the same rows pasted twice, or one file saved under two names) is
-- not added: its copies are left to the rules, which quarantine them as duplicates. A township's own line
-- (its code ending 000) beside its villages' is their subtotal: marked _total, left out like a 合计 line. A sum keeps its first
-- line's _file and _row. Rows with a value not read are kept as they are, for the rules. Written to $out.
SET VARIABLE office_sum_in = $files;
SET VARIABLE office_sum_out = $out;
-- Marked once (windows over millions of rows: a view was evaluated three times, 33 s a province by
-- village); office/population_sum_done.sql drops the two tables.
CREATE OR REPLACE TEMP TABLE office_population_marked AS
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
-- a sum is traced to its first line, in file order then row order: one (file, row) pair, as a struct's
-- min orders by its fields in turn (two files' rows tie on the row alone)
CREATE OR REPLACE TEMP TABLE office_population_sums AS
SELECT year, township_code, sex, age, sum(count) AS count, struct_extract(min(line), 'f') AS _file, struct_extract(min(line), 'r') AS _row,
  false AS _blank, false AS _total, any_value(_header_row) AS _header_row
FROM (SELECT *, {'f': _file, 'r': _row} AS line FROM office_population_marked WHERE summed)
GROUP BY year, township_code, sex, age;
COPY (
  SELECT * EXCLUDE (summed) FROM office_population_marked WHERE NOT summed
  UNION ALL BY NAME
  SELECT * FROM office_population_sums
) TO (getvariable('office_sum_out')) (FORMAT parquet);
-- the lines added into another's rows: the lines summed less those whose rows the sums keep (a wide
-- line's 男 and 女 are one line: its file named without them)
SELECT ((SELECT count(DISTINCT (regexp_replace(_file, ' (男|女)$', ''), _row)) FROM office_population_marked WHERE summed)
  - (SELECT count(DISTINCT (regexp_replace(_file, ' (男|女)$', ''), _row)) FROM office_population_sums))::BIGINT AS added;
