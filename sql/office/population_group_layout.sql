-- How a population table in 5-year groups (population_grouped.sql) ends: its open group's first ages
-- (100岁及以上, or one written as open below 100: 85岁及以上, 90+), and the rows that are neither a group
-- nor the open group (a single age among groups), with an example. Rows whose every cell is empty are
-- not rows of the table, nor are total lines (合计).
SELECT list(DISTINCT least(office_age(age), $open_age)) FILTER (WHERE office_age_group(age) IS NULL AND is_open) AS open_from,
  count(*) FILTER (WHERE office_age_group(age) IS NULL AND NOT is_open)::INTEGER AS other,
  min(age) FILTER (WHERE office_age_group(age) IS NULL AND NOT is_open) AS other_example
FROM (SELECT age, coalesce(office_open_age(age) IS NOT NULL OR office_age(age) >= $open_age, false) AS is_open FROM (
  SELECT NULL::VARCHAR AS year, NULL::VARCHAR AS township_code, NULL::VARCHAR AS sex, NULL::VARCHAR AS age WHERE false
  UNION ALL BY NAME
  SELECT * FROM read_csv(getvariable('office_file'), header = true, all_varchar = true, delim = getvariable('office_delim'), skip = getvariable('office_skip'), quote = '"', escape = '"', names = getvariable('office_names')) WHERE coalesce(*COLUMNS(*), '') <> ''
) WHERE NOT office_total_line(year, township_code, sex, age));
