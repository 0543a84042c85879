-- regions: checks rows against the contract rules (server/contract/tables.ts, same order),
-- quarantines each breaking row under the first rule it breaks, keeps the rest as `regions`.
-- Rows whose code repeats, ranked in file order: all but the first are duplicates.
CREATE TEMP TABLE dup_rows AS
SELECT _file, _row, row_number() OVER (PARTITION BY code ORDER BY _file, _row) AS dup_rank
FROM src WHERE code IN (SELECT code FROM src GROUP BY code HAVING count(*) > 1);
-- The rule each breaking row breaks first (one row per bad row: few, so the copies below are cheap).
CREATE TEMP TABLE bad AS
SELECT _file, _row, _rule FROM (
SELECT s._file, s._row,
  CASE
    WHEN unreadable IS NOT NULL THEN 'unreadable_value'
    WHEN code IS NULL OR name IS NULL OR county_code IS NULL OR kind IS NULL THEN 'missing_value'
    WHEN NOT list_contains($region_kinds, kind) OR (area_km2 IS NOT NULL AND area_km2 <= 0) THEN 'invalid_value'
    WHEN NOT regexp_full_match(code, '[0-9]{9}') OR NOT regexp_full_match(county_code, '[0-9]{6}')
      OR NOT starts_with(code, county_code) THEN 'bad_code'
    WHEN d.dup_rank > 1 THEN 'duplicate_id'
  END AS _rule
FROM src s LEFT JOIN dup_rows d ON d._file = s._file AND d._row = s._row
) WHERE _rule IS NOT NULL;
INSERT INTO quarantine SELECT 'regions', b._rule, s._file, s._row, to_json(s)::VARCHAR FROM src s JOIN bad b ON b._file = s._file AND b._row = s._row;
CREATE TABLE regions AS SELECT s.* EXCLUDE (_file, _row) FROM src s ANTI JOIN bad b ON b._file = s._file AND b._row = s._row ORDER BY code;
DROP TABLE bad;
DROP TABLE dup_rows;
DROP VIEW src;
