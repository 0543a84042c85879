-- births: contract rules in order (ID number, unreadable value, missing, invalid, unknown township, future date, mother's age, duplicate id).
-- Rows whose birth_id repeats, ranked in file order: all but the first are duplicates. Candidates are
-- found by the ids' 64-bit hashes (grouping millions of strings took twice as long); the ranking by
-- the ids themselves is exact, so a hash collision only adds a candidate ranked first.
CREATE TEMP TABLE dup_rows AS
SELECT _file, _row, row_number() OVER (PARTITION BY birth_id ORDER BY _file, _row) AS dup_rank
FROM src WHERE hash(birth_id) IN (SELECT hash(birth_id) FROM src WHERE birth_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1);
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
    WHEN birth_id IS NULL OR birth_date IS NULL OR township_code IS NULL OR sex IS NULL OR birth_order IS NULL
      OR mother_birth_date IS NULL OR mother_residence IS NULL OR policy_status IS NULL THEN 'missing_value'
    WHEN NOT list_contains($sexes, sex) OR birth_order NOT BETWEEN 1 AND 20
      OR NOT list_contains($residences, mother_residence) OR NOT list_contains($policy_statuses, policy_status)
      OR (delivery_place IS NOT NULL AND NOT list_contains($delivery_places, delivery_place))
      OR (plurality IS NOT NULL AND plurality NOT BETWEEN 1 AND 9)
      OR (id_check IS NOT NULL AND NOT list_contains($id_checks, id_check)) THEN 'invalid_value'
    WHEN township_code NOT IN (SELECT code FROM regions) THEN 'unknown_township'
    WHEN birth_date > $today::DATE OR mother_birth_date > $today::DATE THEN 'future_date'
    WHEN birth_date < mother_birth_date + INTERVAL 12 YEAR THEN 'mother_under_12'
    WHEN birth_date > mother_birth_date + INTERVAL 60 YEAR THEN 'mother_over_60'
    WHEN d.dup_rank > 1 THEN 'duplicate_id'
  END AS _rule
FROM src s LEFT JOIN dup_rows d ON d._file = s._file AND d._row = s._row
) WHERE _rule IS NOT NULL;
INSERT INTO quarantine SELECT 'births', b._rule, s._file, s._row, to_json(s)::VARCHAR FROM src s JOIN bad b ON b._file = s._file AND b._row = s._row;
-- What the database keeps of an accepted row: the columns the rollups read, codes as the ENUM types of
-- sql/ingest/code_types.sql (DuckDB; Spark keeps strings). Record ids, ID-number hashes and the
-- office columns served only the checks above and the quarantine, which has the whole row.
CREATE TABLE births AS SELECT s.township_code::township_enum AS township_code, s.birth_date, s.sex::sex_enum AS sex, s.birth_order,
  s.mother_birth_date, s.mother_residence::residence_enum AS mother_residence, s.policy_status::policy_enum AS policy_status,
  s.delivery_place::delivery_enum AS delivery_place
FROM src s ANTI JOIN bad b ON b._file = s._file AND b._row = s._row;
DROP TABLE bad;
DROP TABLE dup_rows;
DROP VIEW src;
