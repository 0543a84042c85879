-- The span of years the data covers (population year-ends and event dates).
SELECT
  (SELECT min(year) FROM population)::INTEGER AS population_from,
  (SELECT max(year) FROM population)::INTEGER AS population_to,
  (SELECT year(min(birth_date)) FROM births)::INTEGER AS births_from,
  (SELECT year(max(birth_date)) FROM births)::INTEGER AS births_to;
