-- Copy into a report sandbox: persons marrying by month, sex, first marriage and age, townships in scope.
SELECT township::VARCHAR, month::DATE, sex::VARCHAR, first_marriage::BOOLEAN, age::INTEGER, n::INTEGER
FROM r_marriage_persons WHERE $all OR township IN (SELECT unnest($townships))
