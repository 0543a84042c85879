-- marriages: contract rules in order (ID number, unreadable value, missing, invalid, unknown township, future date, spouse under 16, duplicate id).
-- Rows whose marriage_id repeats, ranked in file order: all but the first are duplicates (candidates by
-- hash, ranked by the id itself: see births.sql).
CREATE TEMP TABLE dup_rows AS
SELECT _file, _row, row_number() OVER (PARTITION BY marriage_id ORDER BY _file, _row) AS dup_rank
FROM src WHERE hash(marriage_id) IN (SELECT hash(marriage_id) FROM src WHERE marriage_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1);
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
    WHEN marriage_id IS NULL OR registration_date IS NULL OR township_code IS NULL OR husband_birth_date IS NULL
      OR wife_birth_date IS NULL OR husband_prior IS NULL OR wife_prior IS NULL THEN 'missing_value'
    WHEN NOT list_contains($prior_statuses, husband_prior) OR NOT list_contains($prior_statuses, wife_prior)
      OR (id_check IS NOT NULL AND NOT list_contains($id_checks, id_check)) THEN 'invalid_value'
    WHEN township_code NOT IN (SELECT code FROM regions) THEN 'unknown_township'
    WHEN registration_date > $today::DATE THEN 'future_date'
    WHEN registration_date < husband_birth_date + INTERVAL 16 YEAR
      OR registration_date < wife_birth_date + INTERVAL 16 YEAR THEN 'spouse_under_16'
    WHEN d.dup_rank > 1 THEN 'duplicate_id'
  END AS _rule
FROM src s LEFT JOIN dup_rows d ON d._file = s._file AND d._row = s._row
) WHERE _rule IS NOT NULL;
INSERT INTO quarantine SELECT 'marriages', b._rule, s._file, s._row, to_json(s)::VARCHAR FROM src s JOIN bad b ON b._file = s._file AND b._row = s._row;
-- What the database keeps of an accepted row: the columns the rollups read, codes as the ENUM types of
-- sql/ingest/code_types.sql (DuckDB; Spark keeps strings). Record ids, ID-number hashes and the
-- office columns served only the checks above and the quarantine, which has the whole row.
CREATE TABLE marriages AS SELECT s.township_code::township_enum AS township_code, s.registration_date, s.husband_birth_date, s.wife_birth_date,
  s.husband_prior::prior_enum AS husband_prior, s.wife_prior::prior_enum AS wife_prior
FROM src s ANTI JOIN bad b ON b._file = s._file AND b._row = s._row;
DROP TABLE bad;
DROP TABLE dup_rows;
DROP VIEW src;
