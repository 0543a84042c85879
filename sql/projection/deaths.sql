-- Registered deaths by township (and 'all'), year, sex and completed age at death (100 = 100+), years $from..$to.
SELECT township, year::INTEGER AS year, sex, age::INTEGER AS age, sum(n)::INTEGER AS n
FROM r_deaths
WHERE year BETWEEN $from AND $to
GROUP BY ALL
ORDER BY township, year, sex, age;
