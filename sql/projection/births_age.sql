-- Births by unit, calendar year and mother's completed age, years $from..$to, both residences.
-- Ages below 15 count at 15 and above 49 at 49 (no birth is dropped).
-- Numbers only: unit 0 is the county, else the township code as an integer.
SELECT CASE WHEN township = 'all' THEN 0 ELSE township::INTEGER END AS unit, year(month)::INTEGER AS year, least(greatest(mother_age, 15), 49)::INTEGER AS age, sum(n)::DOUBLE AS n
FROM r_births_age
WHERE year(month) BETWEEN $from AND $to AND mother_age IS NOT NULL
GROUP BY ALL;
