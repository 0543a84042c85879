-- Male and female births per township (every township, and 'all') pooled over the years $from to
-- $to, for the orders and residences asked: the ranking's input. Summed here rather than from
-- per-year rows so that one row per township comes back; a sex with no births counts 0.
SELECT b.township,
       coalesce(sum(b.n) FILTER (WHERE b.sex = 'M'), 0)::INTEGER AS male,
       coalesce(sum(b.n) FILTER (WHERE b.sex = 'F'), 0)::INTEGER AS female
FROM r_births b
WHERE b.month BETWEEN make_date($from, 1, 1) AND make_date($to, 12, 1)
  AND list_contains($residences, b.residence) AND list_contains($orders, b.birth_order)
GROUP BY ALL
ORDER BY ALL;
