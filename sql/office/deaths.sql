-- An office deaths table (死亡证明) → contract deaths rows in the mapped Parquet file. The empty first SELECT
-- names every source field (server/office/fields.ts), so a field the file lacks reads as NULL.
-- `_blank` marks a row with nothing in any column read (Excel saves formatted empty rows as ',,,,'): src
-- leaves it out after numbering the rows (office/normalise.ts), so it is neither a record nor quarantined.
COPY (
WITH raw AS (
  SELECT NULL::VARCHAR AS death_id, NULL::VARCHAR AS death_date, NULL::VARCHAR AS person_id_number, NULL::VARCHAR AS birth_date,
    NULL::VARCHAR AS sex, NULL::VARCHAR AS township_code, NULL::VARCHAR AS address_code WHERE false
  UNION ALL BY NAME
  SELECT *
  FROM read_csv(getvariable('office_file'), header = true, all_varchar = true, delim = getvariable('office_delim'), skip = getvariable('office_skip'), quote = '"', escape = '"', names = getvariable('office_names'))
), texts AS (
  SELECT * REPLACE (office_text(death_date) AS death_date, office_text(birth_date) AS birth_date) FROM raw
), cells AS (
  SELECT *, id_clean(person_id_number) AS p_id, office_date_text(death_date) AS died, office_date_text(birth_date) AS born FROM texts
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
  office_record_id(death_id) AS death_id,
  died AS death_date,
  coalesce(office_township(township_code), office_township(address_code)) AS township_code,
  coalesce(office_code(getvariable('codes_sex'), sex), id_sex_of(p_n)) AS sex,
  coalesce(born, p_born) AS birth_date,
  id_key(p_body, p_check) AS person_key,
  id_status(p_id, p_len, p_check, p_born) AS id_check,
  nullif(concat_ws(',',
    CASE WHEN office_unread(death_date, died) THEN 'death_date' END,
    CASE WHEN office_unread(birth_date, born) THEN 'birth_date' END), '') AS unreadable,
  getvariable('office_source') AS _file,
  NULL::BIGINT AS _row,
  coalesce(death_id, death_date, person_id_number, birth_date, sex, township_code, address_code) IS NULL AS _blank,
  getvariable('office_header_row')::BIGINT AS _header_row
FROM p4
) TO (getvariable('office_out')) (FORMAT parquet);
