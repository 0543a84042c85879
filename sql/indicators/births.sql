-- Births per township and period with every breakdown the birth indicators need
-- (births, CBR, order shares, compliance, hospital delivery, SRB).
SELECT b.township, pm.label AS period, b.residence, b.sex, b.birth_order, b.policy_status, b.hospital, sum(b.n)::INTEGER AS n
FROM r_births b
JOIN (SELECT unnest($pm_month)::DATE AS month, unnest($pm_label) AS label) pm ON pm.month = b.month
WHERE b.township IN (SELECT unnest($townships)) AND list_contains($residences, b.residence)
GROUP BY ALL
ORDER BY ALL;
