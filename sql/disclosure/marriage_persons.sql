-- Persons marrying in one township by month, sex and first marriage or not (small-cell lattice).
SELECT strftime(month, '%Y-%m') AS month, sex, first_marriage, sum(n)::INTEGER AS n
FROM r_marriage_persons
WHERE township = $township
GROUP BY ALL;
