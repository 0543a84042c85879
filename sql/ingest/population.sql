-- population (registered, 31 Dec): contract rules in order; a repeated (year, township, sex, age) is a duplicate.
-- Rows whose key (year, township_code, sex, age) repeats, ranked in file order: all but the first are duplicates.
CREATE TEMP TABLE dup_rows AS
SELECT _file, _row, row_number() OVER (PARTITION BY year, township_code, sex, age ORDER BY _file, _row) AS dup_rank
FROM src SEMI JOIN (SELECT year, township_code, sex, age FROM src GROUP BY ALL HAVING count(*) > 1) USING (year, township_code, sex, age);
-- The rule each breaking row breaks first (one row per bad row: few, so the copies below are cheap).
CREATE TEMP TABLE bad AS
SELECT _file, _row, _rule FROM (
SELECT s._file, s._row,
  CASE
    WHEN unreadable IS NOT NULL THEN 'unreadable_value'
    WHEN year IS NULL OR township_code IS NULL OR sex IS NULL OR age IS NULL OR count IS NULL THEN 'missing_value'
    WHEN NOT list_contains($sexes, sex) OR age NOT BETWEEN 0 AND $max_age OR count < 0 OR year NOT BETWEEN 1900 AND 2200 THEN 'invalid_value'
    WHEN township_code NOT IN (SELECT code FROM regions) THEN 'unknown_township'
    WHEN d.dup_rank > 1 THEN 'duplicate_id'
  END AS _rule
FROM src s LEFT JOIN dup_rows d ON d._file = s._file AND d._row = s._row
) WHERE _rule IS NOT NULL;
INSERT INTO quarantine SELECT 'population', b._rule, s._file, s._row, to_json(s)::VARCHAR FROM src s JOIN bad b ON b._file = s._file AND b._row = s._row;
-- What the database keeps of an accepted row: the columns the rollups read, codes as the ENUM types of
-- sql/ingest/code_types.sql (DuckDB; Spark keeps strings). Record ids, ID-number hashes and the
-- office columns served only the checks above and the quarantine, which has the whole row.
CREATE TABLE population AS SELECT s.year, s.township_code::township_enum AS township_code, s.sex::sex_enum AS sex, s.age, s.count
FROM src s ANTI JOIN bad b ON b._file = s._file AND b._row = s._row;
DROP TABLE bad;
DROP TABLE dup_rows;
DROP VIEW src;
