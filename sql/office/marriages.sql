-- An office marriages table (婚姻登记) → contract marriages rows in the mapped Parquet file. The empty first
-- SELECT names every source field (server/office/fields.ts), so a field the file lacks reads as NULL.
-- `_blank` marks a row with nothing in any column read (Excel saves formatted empty rows as ',,,,'): src
-- leaves it out after numbering the rows (office/normalise.ts), so it is neither a record nor quarantined.
COPY (
WITH raw AS (
  SELECT NULL::VARCHAR AS marriage_id, NULL::VARCHAR AS registration_date, NULL::VARCHAR AS township_code,
    NULL::VARCHAR AS address_code, NULL::VARCHAR AS husband_id_number, NULL::VARCHAR AS wife_id_number,
    NULL::VARCHAR AS husband_birth_date, NULL::VARCHAR AS wife_birth_date, NULL::VARCHAR AS husband_prior,
    NULL::VARCHAR AS wife_prior WHERE false
  UNION ALL BY NAME
  SELECT *
  FROM read_csv(getvariable('office_file'), header = true, all_varchar = true, delim = getvariable('office_delim'), skip = getvariable('office_skip'), quote = '"', escape = '"', names = getvariable('office_names'))
), texts AS (
  SELECT * REPLACE (office_text(registration_date) AS registration_date, office_text(husband_birth_date) AS husband_birth_date,
    office_text(wife_birth_date) AS wife_birth_date) FROM raw
), cells AS (
  SELECT *, id_clean(husband_id_number) AS h_id, id_clean(wife_id_number) AS w_id,
    office_date_text(registration_date) AS registered, office_date_text(husband_birth_date) AS husband_born, office_date_text(wife_birth_date) AS wife_born
  FROM texts
), h1 AS (
  SELECT *, id_length(h_id) AS h_len FROM cells
), h2 AS (
  SELECT *, id_body(h_id, h_len) AS h_body FROM h1
), h3 AS (
  SELECT *, id_number(h_body) AS h_n FROM h2
), h4 AS (
  SELECT *, id_check_of(h_n) AS h_check, id_birth_of(h_n) AS h_born FROM h3
), w1 AS (
  SELECT *, id_length(w_id) AS w_len FROM h4
), w2 AS (
  SELECT *, id_body(w_id, w_len) AS w_body FROM w1
), w3 AS (
  SELECT *, id_number(w_body) AS w_n FROM w2
), w4 AS (
  SELECT *, id_check_of(w_n) AS w_check, id_birth_of(w_n) AS w_born FROM w3
)
SELECT
  office_record_id(marriage_id) AS marriage_id,
  registered AS registration_date,
  coalesce(office_township(township_code), office_township(address_code)) AS township_code,
  coalesce(husband_born, h_born) AS husband_birth_date,
  coalesce(wife_born, w_born) AS wife_birth_date,
  office_code(getvariable('codes_prior_status'), husband_prior) AS husband_prior,
  office_code(getvariable('codes_prior_status'), wife_prior) AS wife_prior,
  id_worst(id_status(h_id, h_len, h_check, h_born), id_status(w_id, w_len, w_check, w_born)) AS id_check,
  nullif(concat_ws(',',
    CASE WHEN office_unread(registration_date, registered) THEN 'registration_date' END,
    CASE WHEN office_unread(husband_birth_date, husband_born) THEN 'husband_birth_date' END,
    CASE WHEN office_unread(wife_birth_date, wife_born) THEN 'wife_birth_date' END), '') AS unreadable,
  getvariable('office_source') AS _file,
  NULL::BIGINT AS _row,
  coalesce(marriage_id, registration_date, township_code, address_code, husband_id_number, wife_id_number, husband_birth_date, wife_birth_date, husband_prior, wife_prior) IS NULL AS _blank,
  getvariable('office_header_row')::BIGINT AS _header_row
FROM w4
) TO (getvariable('office_out')) (FORMAT parquet);
