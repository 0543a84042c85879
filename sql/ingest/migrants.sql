-- migrants: contract rules in order (ID number, unreadable value, missing, invalid, unknown township, future date, date order, duplicate id).
-- departure_date may be null: the migrant is still present.
-- Rows whose migrant_id repeats, ranked in file order: all but the first are duplicates (candidates by
-- hash, ranked by the id itself: see births.sql).
CREATE TEMP TABLE dup_rows AS
SELECT _file, _row, row_number() OVER (PARTITION BY migrant_id ORDER BY _file, _row) AS dup_rank
FROM src WHERE hash(migrant_id) IN (SELECT hash(migrant_id) FROM src WHERE migrant_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1);
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
    WHEN migrant_id IS NULL OR township_code IS NULL OR direction IS NULL OR sex IS NULL OR birth_date IS NULL
      OR arrival_date IS NULL OR origin_code IS NULL OR marital_status IS NULL OR has_certificate IS NULL THEN 'missing_value'
    WHEN NOT list_contains($directions, direction) OR NOT list_contains($sexes, sex)
      OR NOT list_contains($marital_statuses, marital_status) OR NOT regexp_full_match(origin_code, '[0-9]{2}([0-9]{4})?')
      OR (id_check IS NOT NULL AND NOT list_contains($id_checks, id_check)) THEN 'invalid_value'
    WHEN township_code NOT IN (SELECT code FROM regions) THEN 'unknown_township'
    WHEN birth_date > $today::DATE OR arrival_date > $today::DATE OR departure_date > $today::DATE THEN 'future_date'
    WHEN arrival_date < birth_date THEN 'arrival_before_birth'
    WHEN departure_date < arrival_date THEN 'departure_before_arrival'
    WHEN d.dup_rank > 1 THEN 'duplicate_id'
  END AS _rule
FROM src s LEFT JOIN dup_rows d ON d._file = s._file AND d._row = s._row
) WHERE _rule IS NOT NULL;
INSERT INTO quarantine SELECT 'migrants', b._rule, s._file, s._row, to_json(s)::VARCHAR FROM src s JOIN bad b ON b._file = s._file AND b._row = s._row;
-- What the database keeps of an accepted row: the columns the rollups read, codes as the ENUM types of
-- sql/ingest/code_types.sql (DuckDB; Spark keeps strings). Record ids, ID-number hashes and the
-- office columns served only the checks above and the quarantine, which has the whole row.
CREATE TABLE migrants AS SELECT s.township_code::township_enum AS township_code, s.direction::direction_enum AS direction, s.sex::sex_enum AS sex,
  s.birth_date, s.arrival_date, s.departure_date, s.origin_code, s.marital_status::marital_enum AS marital_status, s.has_certificate
FROM src s ANTI JOIN bad b ON b._file = s._file AND b._row = s._row;
DROP TABLE bad;
DROP TABLE dup_rows;
DROP VIEW src;
