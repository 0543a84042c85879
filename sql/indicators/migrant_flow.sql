-- Arrivals and departures of migrants in each period, by direction and sex.
SELECT f.township, pm.label AS period, f.direction, f.event, f.sex, sum(f.n)::INTEGER AS n
FROM r_migrant_flow f
JOIN period_map pm ON pm.month = f.month AND pm.kind = $period AND pm.period_year BETWEEN $from AND $to
WHERE f.township IN (SELECT unnest($townships))
GROUP BY ALL
ORDER BY ALL;
