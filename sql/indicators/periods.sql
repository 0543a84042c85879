-- The periods of one kind whose period-year lies in $from..$to, with what rates need.
SELECT DISTINCT label AS period, period_year, start_date::VARCHAR AS start_date, end_date::VARCHAR AS end_date,
       end_month, months, mid_year
FROM period_map WHERE kind = $period AND period_year BETWEEN $from AND $to
ORDER BY start_date;
