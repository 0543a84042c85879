-- Copy into a report sandbox: the births rollup of the townships in scope (all of it for a county account).
SELECT township::VARCHAR, month::DATE, residence::VARCHAR, sex::VARCHAR, birth_order::INTEGER, policy_status::VARCHAR, hospital::BOOLEAN, n::INTEGER
FROM r_births WHERE $all OR township IN (SELECT unnest($townships))
