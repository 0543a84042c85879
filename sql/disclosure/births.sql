-- Births of one township by month with every breakdown a published cell shows (small-cell lattice).
SELECT strftime(month, '%Y-%m') AS month, residence, birth_order::INTEGER AS birth_order, sex, policy_status,
       hospital, sum(n)::INTEGER AS n
FROM r_births
WHERE township = $township
GROUP BY ALL;
