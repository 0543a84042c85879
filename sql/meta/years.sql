-- The span of years the data covers (population year-ends and event dates), read from rollups:
-- a database built by the Spark engine has no record tables.
SELECT
  (SELECT min(year) FROM r_population)::INTEGER AS population_from,
  (SELECT max(year) FROM r_population)::INTEGER AS population_to,
  (SELECT year(min(month)) FROM r_births)::INTEGER AS births_from,
  (SELECT year(max(month)) FROM r_births)::INTEGER AS births_to;
