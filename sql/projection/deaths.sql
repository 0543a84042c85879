-- Registered deaths by unit, year, sex and completed age at death (100 = 100+), years $from..$to.
-- Numbers only: unit 0 is the county, else the township code as an integer; male 1 / 0.
SELECT CASE WHEN township = 'all' THEN 0 ELSE township::INTEGER END AS unit, year::INTEGER AS year, (sex = 'M')::INTEGER AS male, age::INTEGER AS age, n::DOUBLE AS n
FROM r_deaths
WHERE year BETWEEN $from AND $to;
