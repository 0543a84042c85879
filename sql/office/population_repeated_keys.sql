-- Whether the staged office population files have readable rows that share a year, township, sex and age
-- (office/population_sum_lines.sql then adds them up, leaving exact copies of a line to the rules): their
-- number beyond one per key. 0 for a table of one line per township, year, sex and age.
SELECT (count(*) - count(DISTINCT (year, township_code, sex, age)))::BIGINT AS repeated
FROM read_parquet($files, union_by_name = true)
WHERE NOT _total AND unreadable IS NULL AND year IS NOT NULL AND township_code IS NOT NULL AND sex IS NOT NULL AND age IS NOT NULL AND count IS NOT NULL;
