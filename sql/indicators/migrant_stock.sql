-- Migrant stock at each period's end (the end of its last month) by direction, sex,
-- certificate and whether a woman aged 15-49.
SELECT s.township, pm.label AS period, s.direction, s.sex, s.cert, s.w AS w1549, sum(s.n)::INTEGER AS n
FROM (SELECT unnest($p_label) AS label, unnest($p_end_month)::DATE AS end_month) pm
JOIN r_migrant_stock s ON s.month = pm.end_month
WHERE s.township IN (SELECT unnest($townships))
GROUP BY ALL
ORDER BY ALL;
