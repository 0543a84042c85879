-- Births and women-years by township, calendar year and age 15–49 (sql/rollups/fertility_year.sql),
-- of the residences asked. All numbers, read column by column (db/numericQuery.ts): the township
-- is its place in $townships (1-based); a row carries births or women-years, the other 0.
-- (t as INTEGER, women-years as DOUBLE: fixed-width columns are copied out whole, BIGINTs one by one;
-- the list of townships unnested once WITH ORDINALITY: naming it twice, for the codes and for their
-- places, cost about 4 ms more on a province's 1,500; the years compared as integers, not doubles.)
WITH asked AS (SELECT township, t::INTEGER AS t FROM unnest($townships) WITH ORDINALITY AS a(township, t)),
pick AS (SELECT list_contains($residences, 'registered')::INTEGER AS r, list_contains($residences, 'migrant')::INTEGER AS m)
SELECT a.t, b.year, b.age, coalesce(b.registered, 0) * r + coalesce(b.migrant, 0) * m AS births, 0.0::DOUBLE AS women_years
FROM r_births_age_year b JOIN asked a USING (township), pick
WHERE b.year BETWEEN $year_lo AND $year_hi AND list_contains($years::INTEGER[], b.year)
UNION ALL
SELECT a.t, w.year, w.age, 0, coalesce(w.registered, 0) * r + coalesce(w.migrant, 0) * m
FROM r_women_years w JOIN asked a USING (township), pick
WHERE w.year BETWEEN $year_lo AND $year_hi AND list_contains($years::INTEGER[], w.year);
