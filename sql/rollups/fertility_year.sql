-- Built after the rollups (by the DuckDB import, and after a Spark job's rollups are loaded): the
-- births and women-years of every calendar year by township and age 15–49, registered and migrant
-- side by side (half the rows of a residence column to write and to read), each table sorted by year. A year's ASFR, TFR and mean age at childbearing read one year's slice of them
-- (sql/indicators/fertility_year.sql) instead of summing twelve months of births and interpolating
-- year-ends for each question: the overview map's TFR of 1,500 townships spent 250–370 ms there.
-- The arithmetic is the month-by-month path's: births to mothers under 15 count at 15 and over 49
-- at 49 (indicators/families/fertility.ts); women-years as sql/indicators/exposure.sql gives a
-- calendar year, half of each year-end around its middle or the whole of the one there is. Every
-- term is a multiple of 0.5, so the sums are exact in any order and the rates equal that path's to
-- the last bit (test/fertility-year.test.ts).
CREATE TABLE r_births_age_year AS
SELECT year(month)::INTEGER AS year, township, least(greatest(mother_age, 15), 49)::INTEGER AS age,
       sum(n) FILTER (WHERE residence = 'registered')::INTEGER AS registered, sum(n) FILTER (WHERE residence = 'migrant')::INTEGER AS migrant
FROM r_births_age
GROUP BY ALL
ORDER BY year;

CREATE TABLE r_women_years AS
WITH years AS (SELECT DISTINCT year(month)::INTEGER AS year FROM calendar_months),
weights AS (
  SELECT y.year, a.residence,
         CASE WHEN NOT list_contains(a.years, y.year - 1) THEN 1.0 WHEN NOT list_contains(a.years, y.year) THEN 0.0 ELSE 0.5 END AS w
  FROM years y CROSS JOIN year_ends a
  WHERE list_contains(a.years, y.year - 1) OR list_contains(a.years, y.year)
),
women AS (
  SELECT township, year, 'registered' AS residence, age, n::DOUBLE AS n FROM r_population
  WHERE sex = 'F' AND age BETWEEN 15 AND 49
  UNION ALL
  SELECT township, year, 'migrant', age, n::DOUBLE FROM r_migrant_age
  WHERE direction = 'in' AND sex = 'F' AND age BETWEEN 15 AND 49
)
-- each year-end counts in the year it ends (k = 0, weight w) and in the next (k = 1, 1 − w)
SELECT year, township, age::INTEGER AS age,
       sum(n) FILTER (WHERE residence = 'registered') AS registered, sum(n) FILTER (WHERE residence = 'migrant') AS migrant
FROM (
  SELECT w.year, e.township, e.residence, e.age, e.n * CASE WHEN k = 0 THEN w.w ELSE 1 - w.w END AS n
  FROM women e CROSS JOIN (VALUES (0), (1)) AS v(k) JOIN weights w ON w.residence = e.residence AND w.year = e.year + k
)
GROUP BY ALL
ORDER BY year;
