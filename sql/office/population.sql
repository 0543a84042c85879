-- An office registered-population table (户籍人口, 31 Dec) → contract population rows in
-- the mapped Parquet file: long (性别, 人数) or wide by sex (男, 女 columns: two rows each, traced as
-- "<file> 男" / "<file> 女"). The empty first SELECT names every source field (server/office/fields.ts).
-- `_total` marks a 合计 line (office_total_line): src leaves it out too, and the report counts it.
-- `_blank` marks a row with nothing in any column read (Excel saves formatted empty rows as ',,,,'): src
-- leaves it out after numbering the rows (office/normalise.ts), so it is neither a record nor quarantined.
COPY (
WITH raw AS (
  SELECT NULL::VARCHAR AS year, NULL::VARCHAR AS township_code, NULL::VARCHAR AS sex, NULL::VARCHAR AS age,
    NULL::VARCHAR AS count, NULL::VARCHAR AS male_count, NULL::VARCHAR AS female_count, NULL::BIGINT AS _row, NULL::VARCHAR AS _text, NULL::UBIGINT AS _line WHERE false
  UNION ALL BY NAME
  -- _text: the line's filled cells, every column (read or not), for the total patterns; _line, the line's hash,
  -- every cell in its place: a line repeated exactly is told from a village's or a 户口性质's line
  SELECT *, row_number() OVER () AS _row, concat_ws('|', *COLUMNS(*)) AS _text, hash(*COLUMNS(*)) AS _line
  FROM read_csv(getvariable('office_file'), header = true, all_varchar = true, delim = getvariable('office_delim'), skip = getvariable('office_skip'), quote = '"', escape = '"', names = getvariable('office_names')) csv
), lines AS (
  SELECT *, coalesce(year, township_code, sex, age, count, male_count, female_count) IS NULL AS _blank,
    -- the patterns only where the line has a 计 or a 全 (a total's words): a regex a line cost 4 s a province
    CASE WHEN contains(_text, '计') OR contains(_text, '全')
      THEN office_total_line(year, township_code, sex, age) OR office_total_cell(_text) ELSE false END AS _total,
    -- a 12-digit code ending 000 is the township's own line: among its villages' lines, their subtotal (population_sum_lines)
    CASE WHEN suffix(township_code, '000') THEN length(office_digits(township_code)) = 12 ELSE false END AS _township_line
  FROM raw
), cells AS (
  SELECT year, township_code, age, office_code(getvariable('codes_sex'), sex) AS sex_code, count AS n, '' AS part, _row, _line, _blank, _total, _township_line FROM lines WHERE NOT getvariable('office_wide')
  UNION ALL
  SELECT year, township_code, age, 'M', male_count, ' 男', _row, _line, _blank, _total, _township_line FROM lines WHERE getvariable('office_wide')
  UNION ALL
  SELECT year, township_code, age, 'F', female_count, ' 女', _row, _line, _blank, _total, _township_line FROM lines WHERE getvariable('office_wide') AND NOT _blank
)
SELECT
  office_year(year) AS year,
  office_township(township_code) AS township_code,
  sex_code AS sex,
  office_age(age) AS age,
  office_count(n) AS count,
  nullif(concat_ws(',',
    CASE WHEN office_unread(year, office_year(year)) THEN 'year' END,
    CASE WHEN office_unread(age, office_age(age)) THEN 'age' END,
    CASE WHEN office_unread(n, office_count(n)) THEN 'count' END), '') AS unreadable,
  getvariable('office_source') || part AS _file,
  _row,
  _blank,
  _total,
  coalesce(_township_line, false) AS _township_line,
  getvariable('office_header_row')::BIGINT AS _header_row,
  _line,
  -- an oldest group ending below 100 (85岁及以上): shared over the ages to 100+ next (office/openAgeGroup.ts)
  coalesce(office_open_age(age) < 100, false) AS _open
FROM cells
) TO (getvariable('office_out')) (FORMAT parquet);
