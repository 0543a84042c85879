-- An office registered-population table (户籍人口, 31 Dec) → contract population rows in
-- the mapped Parquet file: long (性别, 人数) or wide by sex (男, 女 columns: two rows each, traced as
-- "<file> 男" / "<file> 女"). The empty first SELECT names every source field (server/office/fields.ts).
COPY (
WITH raw AS (
  SELECT NULL::VARCHAR AS year, NULL::VARCHAR AS township_code, NULL::VARCHAR AS sex, NULL::VARCHAR AS age,
    NULL::VARCHAR AS count, NULL::VARCHAR AS male_count, NULL::VARCHAR AS female_count, NULL::BIGINT AS _row WHERE false
  UNION ALL BY NAME
  SELECT *, row_number() OVER () AS _row
  FROM read_csv(getvariable('office_file'), header = true, all_varchar = true, delim = getvariable('office_delim'), skip = getvariable('office_skip'), quote = '"', escape = '"', names = getvariable('office_names'))
), cells AS (
  SELECT year, township_code, age, office_code(getvariable('codes_sex'), sex) AS sex_code, count AS n, '' AS part, _row FROM raw WHERE NOT getvariable('office_wide')
  UNION ALL
  SELECT year, township_code, age, 'M', male_count, ' 男', _row FROM raw WHERE getvariable('office_wide')
  UNION ALL
  SELECT year, township_code, age, 'F', female_count, ' 女', _row FROM raw WHERE getvariable('office_wide')
)
SELECT
  office_int(year) AS year,
  office_township(township_code) AS township_code,
  sex_code AS sex,
  office_age(age) AS age,
  office_int(n) AS count,
  nullif(concat_ws(',',
    CASE WHEN office_unread(year, office_int(year)) THEN 'year' END,
    CASE WHEN office_unread(age, office_age(age)) THEN 'age' END,
    CASE WHEN office_unread(n, office_int(n)) THEN 'count' END), '') AS unreadable,
  getvariable('office_source') || part AS _file,
  _row
FROM cells
) TO (getvariable('office_out')) (FORMAT parquet);
