-- Marriages per township and period, split by whether either spouse married before.
SELECT m.township, pm.label AS period, m.remarriage, sum(m.n)::INTEGER AS n
FROM r_marriages m
JOIN (SELECT unnest($pm_month)::DATE AS month, unnest($pm_label) AS label) pm ON pm.month = m.month
WHERE m.township IN (SELECT unnest($townships))
GROUP BY ALL
ORDER BY ALL;
