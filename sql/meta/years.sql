-- The span of years the data covers (population year-ends and event dates), read from rollups:
-- a database built by the Spark engine has no record tables. The events' span is every event
-- table's (births, marriages, migrants' arrivals and departures, deaths), as the data-quality page
-- counts them all.
SELECT
  (SELECT min(year) FROM r_population)::INTEGER AS population_from,
  (SELECT max(year) FROM r_population)::INTEGER AS population_to,
  least((SELECT year(min(month)) FROM r_births), (SELECT year(min(month)) FROM r_marriages),
    (SELECT year(min(month)) FROM r_migrant_flow), (SELECT min(year) FROM r_deaths))::INTEGER AS events_from,
  greatest((SELECT year(max(month)) FROM r_births), (SELECT year(max(month)) FROM r_marriages),
    (SELECT year(max(month)) FROM r_migrant_flow), (SELECT max(year) FROM r_deaths))::INTEGER AS events_to,
  -- the last month with births: a monthly refresh's 1–N月 (the year's progress runs through it)
  (SELECT strftime(max(month), '%Y-%m') FROM r_births) AS births_last_month;
