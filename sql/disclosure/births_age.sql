-- Births of one township by month, residence and mother's age, counted at 15 below 15 and at 49
-- above 49 as the ASFR does (small-cell lattice).
SELECT strftime(month, '%Y-%m') AS month, residence, least(greatest(mother_age, 15), 49)::INTEGER AS age, sum(n)::INTEGER AS n
FROM r_births_age
WHERE township = $township
GROUP BY ALL;
