-- Migrants of one township present at the end of each month by direction and origin (destination).
SELECT strftime(month, '%Y-%m') AS month, direction, origin_code AS origin, sum(n)::INTEGER AS n
FROM r_migrant_origin
WHERE township = $township
GROUP BY ALL;
