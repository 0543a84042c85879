-- Arrivals and departures of one township's migrants by month and direction (small-cell lattice).
SELECT strftime(month, '%Y-%m') AS month, direction, event, sum(n)::INTEGER AS n
FROM r_migrant_flow
WHERE township = $township
GROUP BY ALL;
