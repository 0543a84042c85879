-- Year-end (31 Dec) population by township (and 'all'), year, sex and single age 0..100+:
-- registered (户籍), in-migrants present (流入) and out-migrants away (流出), years $from..$to.
-- The resident population is registered + in − out (computed by the caller, who keeps the parts).
WITH cells AS (
  SELECT township, year, sex, age, n::DOUBLE AS registered, 0.0 AS mig_in, 0.0 AS mig_out
  FROM r_population WHERE year BETWEEN $from AND $to
  UNION ALL
  SELECT township, year, sex, age, 0.0, CASE WHEN direction = 'in' THEN n ELSE 0 END, CASE WHEN direction = 'out' THEN n ELSE 0 END
  FROM r_migrant_age WHERE year BETWEEN $from AND $to
)
SELECT township, year::INTEGER AS year, sex, age::INTEGER AS age,
       sum(registered)::DOUBLE AS registered, sum(mig_in)::DOUBLE AS mig_in, sum(mig_out)::DOUBLE AS mig_out
FROM cells
GROUP BY ALL
ORDER BY township, year, sex, age;
