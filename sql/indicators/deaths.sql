-- Registered deaths by township, year, sex and completed age at death (100 = 100+), years
-- $from..$to: the numerators of the death rate, natural growth rate and life expectancy.
SELECT township, year::VARCHAR AS period, sex, age::INTEGER AS age, sum(n)::INTEGER AS n
FROM r_deaths
WHERE year BETWEEN $from AND $to AND township IN (SELECT unnest($townships))
GROUP BY ALL
ORDER BY ALL;
