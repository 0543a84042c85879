-- Copy into a report sandbox: migrant stock by origin at month ends, townships in scope.
SELECT township::VARCHAR, month::DATE, direction::VARCHAR, origin_code::VARCHAR, n::INTEGER
FROM r_migrant_origin WHERE $all OR township IN (SELECT unnest($townships))
