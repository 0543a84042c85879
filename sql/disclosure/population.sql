-- Population of one township at 31 Dec by sex and age: registered, in-migrants present and
-- registered people living elsewhere, for the years with registered population (small-cell lattice).
SELECT year::VARCHAR AS year, sex, age::INTEGER AS age,
       coalesce(sum(n) FILTER (WHERE source = 'registered'), 0)::INTEGER AS registered,
       coalesce(sum(n) FILTER (WHERE source = 'in'), 0)::INTEGER AS migrant_in,
       coalesce(sum(n) FILTER (WHERE source = 'out'), 0)::INTEGER AS migrant_out
FROM (
  SELECT year, sex, age, 'registered' AS source, n FROM r_population WHERE township = $township
  UNION ALL
  SELECT year, sex, age, direction, n FROM r_migrant_age
  WHERE township = $township AND list_contains((SELECT years FROM year_ends WHERE residence = 'registered'), year)
)
GROUP BY ALL;
