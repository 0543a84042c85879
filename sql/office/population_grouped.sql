-- Whether the office population table gives ages in 5-year groups (0-4, 5～9岁 …): how many rows do.
-- One test a row, as the table is read whole for it (a province's single ages: millions of rows); how
-- the groups end is asked of grouped tables only (population_group_layout.sql).
SELECT count(*) FILTER (WHERE office_age_group(age) IS NOT NULL)::INTEGER AS groups
FROM (
  SELECT NULL::VARCHAR AS age WHERE false
  UNION ALL BY NAME
  SELECT * FROM read_csv(getvariable('office_file'), header = true, all_varchar = true, delim = getvariable('office_delim'), skip = getvariable('office_skip'), quote = '"', escape = '"', names = getvariable('office_names'))
);
