-- An office township list (区划) → contract regions rows in the mapped Parquet file. A 12-digit code names the
-- township by its first 9 digits; the county is the first 6; the kind follows from the name's
-- suffix when the file has no kind column. The empty first SELECT names every source field.
-- `_blank` marks a row with nothing in any column read (Excel saves formatted empty rows as ',,,,'): src
-- leaves it out after numbering the rows (office/normalise.ts), so it is neither a record nor quarantined.
COPY (
WITH raw AS (
  SELECT NULL::VARCHAR AS code, NULL::VARCHAR AS name, NULL::VARCHAR AS county_code, NULL::VARCHAR AS kind,
    NULL::VARCHAR AS name_en, NULL::VARCHAR AS area_km2, NULL::BIGINT AS _row WHERE false
  UNION ALL BY NAME
  SELECT *, row_number() OVER () AS _row
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
  _row,
  coalesce(code, name, county_code, kind, name_en, area_km2) IS NULL AS _blank,
  getvariable('office_header_row')::BIGINT AS _header_row
FROM raw
) TO (getvariable('office_out')) (FORMAT parquet);
