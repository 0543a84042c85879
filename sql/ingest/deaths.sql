-- deaths (optional table): contract rules in order (ID number, unreadable value, missing, invalid, unknown township, future date, death before birth, duplicate id, duplicate person).
-- Rows whose death_id repeats (id_rank), or whose person (person_key, the keyed hash of the ID
-- number) already died in an earlier row (person_rank), ranked in file order: all but the first are
-- duplicates. A repeated record number is said first: the same record exported twice is no second death.
CREATE TEMP TABLE dup_rows AS
SELECT _file, _row, max(id_rank) AS id_rank, max(person_rank) AS person_rank FROM (
  SELECT _file, _row, row_number() OVER (PARTITION BY death_id ORDER BY _file, _row) AS id_rank, 0 AS person_rank
  FROM src WHERE hash(death_id) IN (SELECT hash(death_id) FROM src WHERE death_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1)
  UNION ALL
  SELECT _file, _row, 0, row_number() OVER (PARTITION BY person_key ORDER BY _file, _row)
  FROM src WHERE person_key IN (SELECT person_key FROM src WHERE person_key IS NOT NULL GROUP BY person_key HAVING count(*) > 1)
) GROUP BY _file, _row;
-- The rule each breaking row breaks first (one row per bad row: few, so the copies below are cheap).
CREATE TEMP TABLE bad AS
SELECT _file, _row, _rule FROM (
SELECT s._file, s._row,
  CASE
    WHEN id_check = 'excel_number' THEN 'id_excel_number'
    WHEN id_check = 'format' THEN 'id_format'
    WHEN id_check = 'check_digit' THEN 'id_check_digit'
    WHEN id_check = 'birth_date' THEN 'id_birth_date'
    WHEN unreadable IS NOT NULL THEN 'unreadable_value'
    WHEN death_id IS NULL OR death_date IS NULL OR township_code IS NULL OR sex IS NULL OR birth_date IS NULL THEN 'missing_value'
    WHEN NOT list_contains($sexes, sex)
      OR (id_check IS NOT NULL AND NOT list_contains($id_checks, id_check)) THEN 'invalid_value'
    WHEN township_code NOT IN (SELECT code FROM regions) THEN 'unknown_township'
    WHEN death_date > $today::DATE OR birth_date > $today::DATE THEN 'future_date'
    WHEN death_date < birth_date THEN 'death_before_birth'
    WHEN d.id_rank > 1 THEN 'duplicate_id'
    WHEN d.person_rank > 1 THEN 'duplicate_person'
  END AS _rule
FROM src s LEFT JOIN dup_rows d ON d._file = s._file AND d._row = s._row
) WHERE _rule IS NOT NULL;
INSERT INTO quarantine SELECT 'deaths', b._rule, s._file, s._row, to_json(s)::VARCHAR FROM src s JOIN bad b ON b._file = s._file AND b._row = s._row;
-- What the database keeps of an accepted row: the columns the rollups read, codes as the ENUM types of
-- sql/ingest/code_types.sql (DuckDB; Spark keeps strings). Record ids, ID-number hashes and the
-- office columns served only the checks above and the quarantine, which has the whole row.
CREATE TABLE deaths AS SELECT s.township_code::township_enum AS township_code, s.death_date, s.sex::sex_enum AS sex, s.birth_date
FROM src s ANTI JOIN bad b ON b._file = s._file AND b._row = s._row;
DROP TABLE bad;
DROP TABLE dup_rows;
DROP VIEW src;
