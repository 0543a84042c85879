-- An office population table in 5-year age groups (0-4 … 95-99 and 100岁及以上, or an open group from 85岁及以上), summed by year,
-- township, sex and the group's first age, for the Sprague graduation to single ages
-- (server/office/graduate.ts). Rows that are neither a group nor the open age are left to the rules.
-- Rows whose every cell is empty are not rows of the table.
WITH raw AS (
  SELECT NULL::VARCHAR AS year, NULL::VARCHAR AS township_code, NULL::VARCHAR AS sex, NULL::VARCHAR AS age,
    NULL::VARCHAR AS count, NULL::VARCHAR AS male_count, NULL::VARCHAR AS female_count WHERE false
  UNION ALL BY NAME
  SELECT * FROM read_csv(getvariable('office_file'), header = true, all_varchar = true, delim = getvariable('office_delim'), skip = getvariable('office_skip'), quote = '"', escape = '"', names = getvariable('office_names')) WHERE coalesce(*COLUMNS(*), '') <> ''
), cells AS (
  SELECT year, township_code, age, office_code(getvariable('codes_sex'), sex) AS sex_code, count AS n FROM raw WHERE NOT getvariable('office_wide')
  UNION ALL SELECT year, township_code, age, 'M', male_count FROM raw WHERE getvariable('office_wide')
  UNION ALL SELECT year, township_code, age, 'F', female_count FROM raw WHERE getvariable('office_wide')
)
SELECT office_year(year) AS year, office_township(township_code) AS township_code, sex_code AS sex,
  coalesce(office_age_group(age), CASE WHEN office_open_age(age) IS NOT NULL OR office_age(age) >= $open_age THEN least(office_age(age), $open_age) END) AS age_from,
  sum(office_count(n))::DOUBLE AS n
FROM cells
WHERE age_from IS NOT NULL AND NOT office_total_line(year, township_code, sex_code, age)
GROUP BY ALL ORDER BY ALL;
