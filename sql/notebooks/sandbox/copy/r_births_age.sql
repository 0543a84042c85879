-- Copy into a report sandbox: births by mother's age, townships in scope.
SELECT township::VARCHAR, month::DATE, residence::VARCHAR, mother_age::INTEGER, n::INTEGER
FROM r_births_age WHERE $all OR township IN (SELECT unnest($townships))
