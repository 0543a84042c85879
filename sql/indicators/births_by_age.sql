-- Births per township, period and mother's completed age (ASFR, TFR, mean age at childbearing).
SELECT b.township, pm.label AS period, b.mother_age AS age, sum(b.n)::INTEGER AS n
FROM r_births_age b
JOIN (SELECT unnest($pm_month)::DATE AS month, unnest($pm_label) AS label) pm ON pm.month = b.month
WHERE b.township IN (SELECT unnest($townships)) AND list_contains($residences, b.residence)
GROUP BY ALL
ORDER BY ALL;
