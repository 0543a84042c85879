-- An office township list (区划) → contract regions rows in the mapped Parquet file. A 12-digit code names the
-- township by its first 9 digits; the county is the first 6; the kind follows from the name's
-- suffix when the file has no kind column. The empty first SELECT names every source field.
COPY (
WITH raw AS (
  SELECT NULL::VARCHAR AS code, NULL::VARCHAR AS name, NULL::VARCHAR AS county_code, NULL::VARCHAR AS kind,
    NULL::VARCHAR AS name_en, NULL::VARCHAR AS area_km2 WHERE false
  UNION ALL BY NAME
  SELECT *
  FROM read_csv(getvariable('office_file'), header = true, all_varchar = true, delim = getvariable('office_delim'), skip = getvariable('office_skip'), quote = '"', escape = '"', names = getvariable('office_names'))
)
SELECT
  office_township(code) AS code,
  office_text(name) AS name,
  coalesce(office_digits(county_code), left(office_township(code), 6)) AS county_code,
  coalesce(office_code(getvariable('codes_region_kind'), kind), office_kind(office_text(name))) AS kind,
  office_text(name_en) AS name_en,
  office_number(area_km2) AS area_km2,
  CASE WHEN office_unread(area_km2, office_number(area_km2)) THEN 'area_km2' END AS unreadable,
  getvariable('office_source') AS _file,
  row_number() OVER () AS _row
FROM raw
) TO (getvariable('office_out')) (FORMAT parquet);
