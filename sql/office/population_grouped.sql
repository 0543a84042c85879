-- How the office population table gives ages: rows with a 5-year group (0-4, 5～9岁 …), rows with
-- the open age (≥ $open_age, e.g. 100岁及以上), and rows with anything else.
-- Rows whose every cell is empty are not rows of the table.
SELECT count(*) FILTER (WHERE office_age_group(age) IS NOT NULL)::INTEGER AS groups,
  count(*) FILTER (WHERE office_age_group(age) IS NULL AND office_age(age) >= $open_age)::INTEGER AS open,
  count(*) FILTER (WHERE office_age_group(age) IS NULL AND coalesce(office_age(age) < $open_age, true))::INTEGER AS other,
  min(age) FILTER (WHERE office_age_group(age) IS NULL AND coalesce(office_age(age) < $open_age, true)) AS other_example
FROM (
  SELECT NULL::VARCHAR AS age WHERE false
  UNION ALL BY NAME
  SELECT * FROM read_csv(getvariable('office_file'), header = true, all_varchar = true, delim = getvariable('office_delim'), skip = getvariable('office_skip'), quote = '"', escape = '"', names = getvariable('office_names')) WHERE coalesce(*COLUMNS(*), '') <> ''
);
