-- An office migrants table (流动人口, an in-file or an out-file) → contract migrants rows in
-- the mapped Parquet file. The direction is the row's own column, else the file's (from its name). The empty
-- first SELECT names every source field (server/office/fields.ts), so a field the file lacks reads as NULL.
-- `_blank` marks a row with nothing in any column read (Excel saves formatted empty rows as ',,,,'): src
-- leaves it out after numbering the rows (office/normalise.ts), so it is neither a record nor quarantined.
COPY (
WITH raw AS (
  SELECT NULL::VARCHAR AS migrant_id, NULL::VARCHAR AS person_id_number, NULL::VARCHAR AS birth_date, NULL::VARCHAR AS sex,
    NULL::VARCHAR AS township_code, NULL::VARCHAR AS address_code, NULL::VARCHAR AS origin_code, NULL::VARCHAR AS direction,
    NULL::VARCHAR AS arrival_date, NULL::VARCHAR AS departure_date, NULL::VARCHAR AS marital_status,
    NULL::VARCHAR AS has_certificate WHERE false
  UNION ALL BY NAME
  SELECT *
  FROM read_csv(getvariable('office_file'), header = true, all_varchar = true, delim = getvariable('office_delim'), skip = getvariable('office_skip'), quote = '"', escape = '"', names = getvariable('office_names'))
), texts AS (
  SELECT * REPLACE (office_text(birth_date) AS birth_date, office_text(arrival_date) AS arrival_date, office_text(departure_date) AS departure_date) FROM raw
), cells AS (
  SELECT *, id_clean(person_id_number) AS p_id, office_date_text(birth_date) AS born, office_date_text(arrival_date) AS arrived,
    office_date_text(departure_date) AS departed,
    TRY_CAST(office_code(getvariable('codes_yes_no'), has_certificate) AS BOOLEAN) AS certificate
  FROM texts
), p1 AS (
  SELECT *, id_length(p_id) AS p_len FROM cells
), p2 AS (
  SELECT *, id_body(p_id, p_len) AS p_body FROM p1
), p3 AS (
  SELECT *, id_number(p_body) AS p_n FROM p2
), p4 AS (
  SELECT *, id_check_of(p_n) AS p_check, id_birth_of(p_n) AS p_born FROM p3
)
SELECT
  office_record_id(migrant_id) AS migrant_id,
  coalesce(office_township(township_code), office_township(address_code)) AS township_code,
  coalesce(office_code(getvariable('codes_direction'), direction), getvariable('office_direction')::VARCHAR) AS direction,
  coalesce(office_code(getvariable('codes_sex'), sex), id_sex_of(p_n)) AS sex,
  coalesce(born, p_born) AS birth_date,
  arrived AS arrival_date,
  departed AS departure_date,
  office_place(origin_code) AS origin_code,
  office_code(getvariable('codes_marital_status'), marital_status) AS marital_status,
  certificate AS has_certificate,
  id_status(p_id, p_len, p_check, p_born) AS id_check,
  nullif(concat_ws(',',
    CASE WHEN office_unread(birth_date, born) THEN 'birth_date' END,
    CASE WHEN office_unread(arrival_date, arrived) THEN 'arrival_date' END,
    CASE WHEN office_unread(departure_date, departed) THEN 'departure_date' END,
    CASE WHEN office_unread(has_certificate, certificate) THEN 'has_certificate' END), '') AS unreadable,
  getvariable('office_source') AS _file,
  NULL::BIGINT AS _row,
  coalesce(migrant_id, person_id_number, birth_date, sex, township_code, address_code, origin_code, direction, arrival_date, departure_date, marital_status, has_certificate) IS NULL AS _blank,
  getvariable('office_header_row')::BIGINT AS _header_row
FROM p4
) TO (getvariable('office_out')) (FORMAT parquet);
