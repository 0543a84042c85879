-- Arrivals and departures of migrants in each period, by direction and sex.
SELECT f.township, pm.label AS period, f.direction, f.event, f.sex, sum(f.n)::INTEGER AS n
FROM r_migrant_flow f
JOIN (SELECT unnest($pm_month)::DATE AS month, unnest($pm_label) AS label) pm ON pm.month = f.month
WHERE f.township IN (SELECT unnest($townships))
GROUP BY ALL
ORDER BY ALL;
