-- Every period label of the calendar with its first and last month ('YYYY-MM'): the cells of the
-- small-cell lattice are period sums of months (server/disclosure/calendar.ts).
SELECT kind, label, strftime(min(month), '%Y-%m') AS first_month, strftime(max(month), '%Y-%m') AS last_month
FROM period_map
GROUP BY ALL
ORDER BY first_month, kind;
