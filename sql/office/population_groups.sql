-- An office population table in 5-year age groups (0-4 … 95-99 and 100岁及以上, or an open group from
-- 85岁及以上), summed by year, township, sex and the group's first age, for the Sprague graduation to
-- single ages (server/office/graduate.ts). Summed as population.sql's lines are (population_sum_lines.sql):
-- a line per village or 户口性质 is added; a line repeated exactly is counted once; total lines (合计,
-- 小计, 全县 in any column) and a township's own line (its 12-digit code ending 000) beside its villages'
-- lines are left out. Rows whose every cell is empty are not rows of the table.
WITH raw AS (
  SELECT NULL::VARCHAR AS year, NULL::VARCHAR AS township_code, NULL::VARCHAR AS sex, NULL::VARCHAR AS age,
    NULL::VARCHAR AS count, NULL::VARCHAR AS male_count, NULL::VARCHAR AS female_count, NULL::VARCHAR AS _text, NULL::UBIGINT AS _line WHERE false
  UNION ALL BY NAME
  SELECT *, concat_ws('|', *COLUMNS(*)) AS _text, hash(*COLUMNS(*)) AS _line
  FROM read_csv(getvariable('office_file'), header = true, all_varchar = true, delim = getvariable('office_delim'), skip = getvariable('office_skip'), quote = '"', escape = '"', names = getvariable('office_names')) WHERE coalesce(*COLUMNS(*), '') <> ''
), lines AS (
  SELECT *,
    CASE WHEN contains(_text, '计') OR contains(_text, '全') THEN office_total_line(year, township_code, sex, age) OR office_total_cell(_text) ELSE false END AS total,
    CASE WHEN suffix(township_code, '000') THEN length(office_digits(township_code)) = 12 ELSE false END AS township_line
  FROM raw QUALIFY row_number() OVER (PARTITION BY _line) = 1
), cells AS (
  SELECT year, township_code, age, office_code(getvariable('codes_sex'), sex) AS sex_code, count AS n, township_line FROM lines WHERE NOT total AND NOT getvariable('office_wide')
  UNION ALL SELECT year, township_code, age, 'M', male_count, township_line FROM lines WHERE NOT total AND getvariable('office_wide')
  UNION ALL SELECT year, township_code, age, 'F', female_count, township_line FROM lines WHERE NOT total AND getvariable('office_wide')
), keyed AS (
  SELECT office_year(year) AS year, office_township(township_code) AS township_code, sex_code AS sex,
    coalesce(office_age_group(age), CASE WHEN office_open_age(age) IS NOT NULL OR office_age(age) >= $open_age THEN least(office_age(age), $open_age) END) AS age_from,
    office_count(n) AS n, township_line
  FROM cells
)
-- a township's own line is its villages' subtotal where their lines are there too
SELECT year, township_code, sex, age_from,
  (CASE WHEN bool_or(NOT township_line) THEN sum(n) FILTER (WHERE NOT township_line) ELSE sum(n) END)::DOUBLE AS n
FROM keyed
WHERE age_from IS NOT NULL
GROUP BY year, township_code, sex, age_from
ORDER BY ALL;
