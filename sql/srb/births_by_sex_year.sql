-- births_by_sex.sql for calendar-year periods, from the yearly rollup: male and female births per
-- township (every township, and 'all') and year, for the orders and residences asked.
SELECT b.township, y.label AS period,
       sum(b.n) FILTER (WHERE b.sex = 'M')::INTEGER AS male,
       sum(b.n) FILTER (WHERE b.sex = 'F')::INTEGER AS female
FROM r_births_year b
JOIN (SELECT unnest($years)::INTEGER AS year, unnest($labels) AS label) y ON y.year = b.year
WHERE list_contains($residences, b.residence) AND list_contains($orders, b.birth_order)
GROUP BY ALL
ORDER BY ALL;
