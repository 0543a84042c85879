-- Marriages of one township by month, and whether either spouse had been married (small-cell lattice).
SELECT strftime(month, '%Y-%m') AS month, remarriage, sum(n)::INTEGER AS n
FROM r_marriages
WHERE township = $township
GROUP BY ALL;
