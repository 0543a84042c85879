-- The data lines of an office population file in 5-year groups (office/graduate.ts makes single-age
-- records of them, which keep no line): every line with something in a column read, as
-- sql/office/population.sql leaves out the others (`_blank`).
SELECT count(*)::DOUBLE AS n
FROM (
  SELECT NULL::VARCHAR AS year, NULL::VARCHAR AS township_code, NULL::VARCHAR AS sex, NULL::VARCHAR AS age,
    NULL::VARCHAR AS count, NULL::VARCHAR AS male_count, NULL::VARCHAR AS female_count WHERE false
  UNION ALL BY NAME
  SELECT * FROM read_csv(getvariable('office_file'), header = true, all_varchar = true, delim = getvariable('office_delim'), skip = getvariable('office_skip'), quote = '"', escape = '"', names = getvariable('office_names'))
) WHERE coalesce(year, township_code, sex, age, count, male_count, female_count) IS NOT NULL;
