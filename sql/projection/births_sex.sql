-- Births by township (and 'all'), calendar year, mother's residence and sex of the child, years $from..$to.
SELECT township, year(month)::INTEGER AS year, residence, sex, sum(n)::INTEGER AS n
FROM r_births
WHERE year(month) BETWEEN $from AND $to
GROUP BY ALL
ORDER BY township, year, residence, sex;
