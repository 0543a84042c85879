-- structure.sql summed over sex and age: population at 31 Dec of each year in $from..$to per
-- township — what the population indicator needs, one row per township and year instead of 202.
SELECT township, year::VARCHAR AS period,
       coalesce(sum(n) FILTER (WHERE source = 'registered'), 0)::DOUBLE AS registered,
       coalesce(sum(n) FILTER (WHERE source = 'in'), 0)::DOUBLE AS migrant_in,
       coalesce(sum(n) FILTER (WHERE source = 'out'), 0)::DOUBLE AS migrant_out
FROM (
  SELECT township, year, 'registered' AS source, n FROM r_population
  WHERE year BETWEEN $from AND $to AND township IN (SELECT unnest($townships))
  UNION ALL
  SELECT township, year, direction, n FROM r_migrant_age
  WHERE year BETWEEN $from AND $to AND township IN (SELECT unnest($townships))
    AND list_contains((SELECT years FROM year_ends WHERE residence = 'registered'), year)
)
GROUP BY ALL
ORDER BY ALL;
