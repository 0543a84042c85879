-- Copy into a report sandbox: migrants present at 31 Dec by sex and age, townships in scope.
SELECT township::VARCHAR, year::INTEGER, direction::VARCHAR, sex::VARCHAR, age::INTEGER, n::INTEGER
FROM r_migrant_age WHERE $all OR township IN (SELECT unnest($townships))
