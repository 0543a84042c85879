-- Copy into a report sandbox: migrant stock at month ends, townships in scope.
SELECT township::VARCHAR, month::DATE, direction::VARCHAR, sex::VARCHAR, cert::BOOLEAN, w::BOOLEAN, n::INTEGER
FROM r_migrant_stock WHERE $all OR township IN (SELECT unnest($townships))
