-- Person-years by township, period, sex and age: the mid-period population (linear interpolation
-- between the year-ends around the period's midpoint; the one year-end there is where the data has
-- only one) times the period's length in years. Registered from `population`; in-migrants from the
-- year-end migrant stock. Births to registered women are counted wherever they happen, so rates for
-- registered births use the whole registered population, and county-wide rates registered + in-migrants.
-- $sexes and $age_from..$age_to keep part of it (fertility: women 15-49); without $by_age the rows
-- are each township's and period's total (sex and age NULL): a crude rate over 1,500 townships
-- reads 1,500 rows, not 303,000.
WITH spans AS (SELECT unnest($p_label) AS period, unnest($p_months)::INTEGER AS months, unnest($p_mid)::DOUBLE AS mid_year),
periods AS (
  SELECT period, months, floor(mid_year)::INTEGER - 1 AS y0, mid_year - floor(mid_year) AS w FROM spans
),
available AS (SELECT residence, years FROM year_ends),
weights AS (
  SELECT p.period, p.months, p.y0, a.residence,
         CASE WHEN NOT list_contains(a.years, p.y0) THEN 1.0 WHEN NOT list_contains(a.years, p.y0 + 1) THEN 0.0 ELSE p.w END AS w
  FROM periods p CROSS JOIN available a
  WHERE list_contains($residences, a.residence) AND (list_contains(a.years, p.y0) OR list_contains(a.years, p.y0 + 1))
),
-- Only the year-ends the periods need: the rollups are sorted by township, so without this a
-- one-year question joined all 25 years (the province's 1,500 townships: 466 ms, now 161 ms).
needed AS (SELECT DISTINCT unnest([y0, y0 + 1]) AS year FROM periods),
year_ends AS (
  SELECT township, year, sex, age, 'registered' AS residence, n::DOUBLE AS n FROM r_population
  WHERE township IN (SELECT unnest($townships)) AND year IN (SELECT year FROM needed)
    AND list_contains($sexes, sex) AND age BETWEEN $age_from AND $age_to
  UNION ALL
  SELECT township, year, sex, age, 'migrant', n::DOUBLE FROM r_migrant_age
  WHERE direction = 'in' AND township IN (SELECT unnest($townships)) AND year IN (SELECT year FROM needed)
    AND list_contains($sexes, sex) AND age BETWEEN $age_from AND $age_to
)
SELECT e.township, w.period,
       CASE WHEN $by_age THEN e.sex END AS sex, CASE WHEN $by_age THEN e.age END AS age,
       sum(e.n * CASE WHEN e.year = w.y0 THEN 1 - w.w ELSE w.w END * w.months / 12.0) AS person_years
FROM weights w JOIN year_ends e ON e.residence = w.residence AND e.year IN (w.y0, w.y0 + 1)
GROUP BY ALL
ORDER BY ALL;
