-- Migrant stock at each period's end by origin (in-migrants: hukou province or county) or
-- destination (out-migrants).
SELECT s.township, pm.label AS period, s.direction, s.origin_code AS origin, sum(s.n)::INTEGER AS n
FROM (SELECT unnest($p_label) AS label, unnest($p_end_month)::DATE AS end_month) pm
JOIN r_migrant_origin s ON s.month = pm.end_month
WHERE s.township IN (SELECT unnest($townships))
GROUP BY ALL
ORDER BY ALL;
