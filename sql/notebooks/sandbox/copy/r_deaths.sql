-- Copy into a report sandbox: deaths by year, sex and age, townships in scope.
SELECT township::VARCHAR, year::INTEGER, sex::VARCHAR, age::INTEGER, n::INTEGER
FROM r_deaths WHERE $all OR township IN (SELECT unnest($townships))
