-- Copy into a report sandbox: registered population at 31 Dec by sex and age, townships in scope.
SELECT township::VARCHAR, year::INTEGER, sex::VARCHAR, age::INTEGER, n::BIGINT
FROM r_population WHERE $all OR township IN (SELECT unnest($townships))
