-- Births by unit, calendar year, mother's residence and sex of the child, years $from..$to.
-- Numbers only: unit 0 is the county, else the township code as an integer; registered 1 for
-- mothers with local hukou (户籍), 0 for migrant mothers; male 1 / 0.
SELECT CASE WHEN township = 'all' THEN 0 ELSE township::INTEGER END AS unit, year(month)::INTEGER AS year, (residence = 'registered')::INTEGER AS registered,
       (sex = 'M')::INTEGER AS male, sum(n)::DOUBLE AS n
FROM r_births
WHERE year(month) BETWEEN $from AND $to
GROUP BY ALL;
