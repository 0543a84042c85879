-- An office births table (出生医学证明) → contract births rows in the mapped Parquet file. The empty first
-- SELECT names every source field (server/office/fields.ts), so a field the file lacks reads as NULL.
-- `_blank` marks a row with nothing in any column read (Excel saves formatted empty rows as ',,,,'): src
-- leaves it out after numbering the rows (office/normalise.ts), so it is neither a record nor quarantined.
COPY (
WITH raw AS (
  SELECT NULL::VARCHAR AS birth_id, NULL::VARCHAR AS birth_date, NULL::VARCHAR AS township_code, NULL::VARCHAR AS address_code,
    NULL::VARCHAR AS sex, NULL::VARCHAR AS birth_order, NULL::VARCHAR AS plurality, NULL::VARCHAR AS mother_id_number,
    NULL::VARCHAR AS mother_birth_date, NULL::VARCHAR AS mother_residence, NULL::VARCHAR AS policy_status,
    NULL::VARCHAR AS delivery_place WHERE false
  UNION ALL BY NAME
  SELECT *
  FROM read_csv(getvariable('office_file'), header = true, all_varchar = true, delim = getvariable('office_delim'), skip = getvariable('office_skip'), quote = '"', escape = '"', names = getvariable('office_names'))
), texts AS (
  SELECT * REPLACE (office_text(birth_date) AS birth_date, office_text(mother_birth_date) AS mother_birth_date) FROM raw
), cells AS (
  SELECT *, id_clean(mother_id_number) AS m_id, office_date_text(birth_date) AS born, office_date_text(mother_birth_date) AS mother_born,
    coalesce(office_int(birth_order), office_int(office_code(getvariable('codes_birth_order'), birth_order))) AS order_n,
    coalesce(office_int(plurality), office_int(office_code(getvariable('codes_plurality'), plurality))) AS plurality_n
  FROM texts
), m1 AS (
  SELECT *, id_length(m_id) AS m_len FROM cells
), m2 AS (
  SELECT *, id_body(m_id, m_len) AS m_body FROM m1
), m3 AS (
  SELECT *, id_number(m_body) AS m_n FROM m2
), m4 AS (
  SELECT *, id_check_of(m_n) AS m_check, id_birth_of(m_n) AS m_born FROM m3
)
SELECT
  office_record_id(birth_id) AS birth_id,
  born AS birth_date,
  coalesce(office_township(township_code), office_township(address_code)) AS township_code,
  office_code(getvariable('codes_sex'), sex) AS sex,
  order_n AS birth_order,
  coalesce(mother_born, m_born) AS mother_birth_date,
  office_code(getvariable('codes_residence'), mother_residence) AS mother_residence,
  office_code(getvariable('codes_policy_status'), policy_status) AS policy_status,
  office_village(address_code) AS village_code,
  plurality_n AS plurality,
  office_code(getvariable('codes_delivery_place'), delivery_place) AS delivery_place,
  id_status(m_id, m_len, m_check, m_born) AS id_check,
  nullif(concat_ws(',',
    CASE WHEN office_unread(birth_date, born) THEN 'birth_date' END,
    CASE WHEN office_unread(mother_birth_date, mother_born) THEN 'mother_birth_date' END,
    CASE WHEN office_unread(birth_order, order_n) THEN 'birth_order' END,
    CASE WHEN office_unread(plurality, plurality_n) THEN 'plurality' END), '') AS unreadable,
  getvariable('office_source') AS _file,
  NULL::BIGINT AS _row,
  coalesce(birth_id, birth_date, township_code, address_code, sex, birth_order, plurality, mother_id_number, mother_birth_date, mother_residence, policy_status, delivery_place) IS NULL AS _blank,
  getvariable('office_header_row')::BIGINT AS _header_row
FROM m4
) TO (getvariable('office_out')) (FORMAT parquet);
