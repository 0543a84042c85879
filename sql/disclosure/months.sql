-- The first and last month the data covers ('YYYY-MM'): the small-cell lattice's periods are spans
-- of these months (server/disclosure/calendar.ts).
SELECT strftime(min(month), '%Y-%m') AS first_month, strftime(max(month), '%Y-%m') AS last_month
FROM calendar_months;
