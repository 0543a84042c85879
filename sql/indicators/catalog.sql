-- The span of years request parameters may name.
SELECT (SELECT min(year(month)) FROM calendar_months)::INTEGER AS first_year,
       (SELECT max(year(month)) FROM calendar_months)::INTEGER AS last_year,
       (SELECT strftime(max(month), '%Y-%m') FROM r_births) AS births_last_month;
