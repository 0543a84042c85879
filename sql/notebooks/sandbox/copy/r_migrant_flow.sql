-- Copy into a report sandbox: migrant arrivals and departures by month, townships in scope.
SELECT township::VARCHAR, month::DATE, direction::VARCHAR, event::VARCHAR, sex::VARCHAR, n::INTEGER
FROM r_migrant_flow WHERE $all OR township IN (SELECT unnest($townships))
