-- Persons marrying per township and period by sex, first marriage or not, and completed age.
SELECT m.township, pm.label AS period, m.sex, m.first_marriage, m.age, sum(m.n)::INTEGER AS n
FROM r_marriage_persons m
JOIN (SELECT unnest($pm_month)::DATE AS month, unnest($pm_label) AS label) pm ON pm.month = m.month
WHERE m.township IN (SELECT unnest($townships))
GROUP BY ALL
ORDER BY ALL;
