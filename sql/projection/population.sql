-- Registered (户籍) population at 31 Dec by unit, year, sex and single age 0..100+, years $from..$to.
-- Numbers only, read as columns (server/db/numericQuery.ts): unit 0 is the county ('all'), any
-- other unit is the township's 9-digit code as an integer; male is 1 for M, 0 for F.
SELECT CASE WHEN township = 'all' THEN 0 ELSE township::INTEGER END AS unit, year::INTEGER AS year, (sex = 'M')::INTEGER AS male, age::INTEGER AS age, n::DOUBLE AS n
FROM r_population
WHERE year BETWEEN $from AND $to;
