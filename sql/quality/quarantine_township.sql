-- One township's quarantined records for the office to find and fix them, and nothing more: the
-- table, the rule, the file and row it came from, the record number and its dates. No names and
-- no ID numbers (neither is ever stored) and not the keys of ID numbers. $township 'none': the rows
-- that carry no township code (a 合计 line, a blank code, a name or anything else in its place: as
-- quality/townships counts them), which no township would receive.
WITH coded AS (
  SELECT table_name, rule, file, file_row, record,
    coalesce(json_extract_string(record, '$.township_code'), json_extract_string(record, '$.code')) AS t
  FROM quarantine
), q AS (
  SELECT table_name, rule, file, file_row, record::JSON AS r FROM coded
  WHERE CASE WHEN $township = 'none' THEN t IS NULL OR NOT regexp_full_match(t, '[0-9]{6,12}') ELSE t = $township END
)
-- A wide population file's row gives two records, traced as '<file> 男' and '<file> 女' (and an open age
-- group's line one per age it was shared over, '<file> 男 90岁'): the file is
-- named as it is, and which of the row's two counts is meant goes with the year and age instead. A row
-- with neither year nor age readable (a 合计 line) has no record to name: 男 / 女 alone is no record number.
SELECT table_name, rule,
  CASE WHEN table_name = 'population' THEN regexp_replace(file, '( (男|女))?( [0-9]+岁)?$', '') ELSE file END AS file,
  file_row::BIGINT AS file_row,
  coalesce(r->>'birth_id', r->>'marriage_id', r->>'migrant_id', r->>'death_id', r->>'code',
           CASE WHEN table_name = 'population' AND coalesce(r->>'year', r->>'age') IS NOT NULL THEN concat_ws(' ', (r->>'year') || '年', (r->>'age') || '岁',
             CASE r->>'sex' WHEN 'M' THEN '男' WHEN 'F' THEN '女' ELSE r->>'sex' END) END) AS record_id,
  CASE table_name WHEN 'births' THEN r->>'birth_date' WHEN 'marriages' THEN r->>'registration_date'
    WHEN 'migrants' THEN r->>'arrival_date' WHEN 'deaths' THEN r->>'death_date' END AS event_date,
  CASE table_name WHEN 'births' THEN r->>'mother_birth_date' WHEN 'marriages' THEN r->>'husband_birth_date'
    WHEN 'migrants' THEN r->>'birth_date' WHEN 'deaths' THEN r->>'birth_date' END AS birth_date,
  CASE table_name WHEN 'marriages' THEN r->>'wife_birth_date' WHEN 'migrants' THEN r->>'departure_date' END AS other_date,
  r->>'unreadable' AS unreadable
FROM q ORDER BY table_name, rule, file, file_row;
