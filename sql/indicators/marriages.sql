-- Marriages per township and period, split by whether either spouse married before.
SELECT m.township, pm.label AS period, m.remarriage, sum(m.n)::INTEGER AS n
FROM r_marriages m
JOIN period_map pm ON pm.month = m.month AND pm.kind = $period AND pm.period_year BETWEEN $from AND $to
WHERE m.township IN (SELECT unnest($townships))
GROUP BY ALL
ORDER BY ALL;
