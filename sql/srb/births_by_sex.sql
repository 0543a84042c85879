-- Male and female births per township (every township, and 'all') and period, for the orders and
-- residences asked: the SRB needs every township even when one is asked for, because the
-- empirical-Bayes prior is fitted across all of them.
SELECT b.township, pm.label AS period,
       sum(b.n) FILTER (WHERE b.sex = 'M')::INTEGER AS male,
       sum(b.n) FILTER (WHERE b.sex = 'F')::INTEGER AS female
FROM r_births b
JOIN (SELECT unnest($pm_month)::DATE AS month, unnest($pm_label) AS label) pm ON pm.month = b.month
WHERE list_contains($residences, b.residence) AND list_contains($orders, b.birth_order)
GROUP BY ALL
ORDER BY ALL;
