-- Migrants of one township present at the end of each month by direction, women 15-49 and
-- certificate (small-cell lattice).
SELECT strftime(month, '%Y-%m') AS month, direction, w, cert, sum(n)::INTEGER AS n
FROM r_migrant_stock
WHERE township = $township
GROUP BY ALL;
