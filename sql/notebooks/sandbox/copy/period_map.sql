-- Copy into a report sandbox: the period labels of every month.
SELECT month::DATE, kind::VARCHAR, label::VARCHAR, period_year::INTEGER, start_date::DATE, end_date::DATE, end_month::DATE, months::INTEGER, mid_year::DOUBLE
FROM period_map
