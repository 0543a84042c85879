-- Copy into a report sandbox: marriages by month, townships in scope.
SELECT township::VARCHAR, month::DATE, remarriage::BOOLEAN, n::INTEGER
FROM r_marriages WHERE $all OR township IN (SELECT unnest($townships))
