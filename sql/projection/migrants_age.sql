-- Migrants present at 31 Dec by unit, year, direction, sex and single age 0..100+, years $from..$to:
-- inflow 1 = in-migrants living here (流入), 0 = registered people living elsewhere (流出).
-- The resident population is registered + in − out (the caller keeps the parts).
-- Numbers only: unit 0 is the county, else the township code as an integer; male 1 / 0.
SELECT CASE WHEN township = 'all' THEN 0 ELSE township::INTEGER END AS unit, year::INTEGER AS year, (sex = 'M')::INTEGER AS male, (direction = 'in')::INTEGER AS inflow,
       age::INTEGER AS age, n::DOUBLE AS n
FROM r_migrant_age
WHERE year BETWEEN $from AND $to;
