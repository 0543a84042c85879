-- Registered deaths of one township by year and sex (small-cell lattice; the deaths rollup is yearly).
SELECT year::VARCHAR AS year, sex, sum(n)::INTEGER AS n
FROM r_deaths
WHERE township = $township
GROUP BY ALL;
