-- Copy into a report sandbox: registered population totals at 31 Dec, townships in scope.
SELECT township_code::VARCHAR, year::INTEGER, population::BIGINT
FROM township_population WHERE $all OR township_code IN (SELECT unnest($townships))
