-- Data quality by township: event records accepted per table, quarantined by table and rule (the
-- township as the record wrote it, NULL when it had none or no code), and births whose policy status is unknown.
-- Accepted records are counted from the rollups (a Spark-built database has no record tables):
-- every migrant has exactly one arrival in r_migrant_flow.
WITH accepted AS (
  SELECT township, 'births' AS table_name, sum(n)::INTEGER AS n FROM r_births WHERE township <> 'all' GROUP BY 1
  UNION ALL SELECT township, 'marriages', sum(n)::INTEGER FROM r_marriages WHERE township <> 'all' GROUP BY 1
  UNION ALL SELECT township, 'migrants', sum(n)::INTEGER FROM r_migrant_flow WHERE township <> 'all' AND event = 'arrival' GROUP BY 1
  UNION ALL SELECT township, 'deaths', sum(n)::INTEGER FROM r_deaths WHERE township <> 'all' GROUP BY 1
), quarantined AS (
  -- a township written as anything but a code (城关街道, full-width digits, 999901001001a) counts with the
  -- rows without one: the download (quality/quarantine_township) can name only a code, or none
  SELECT CASE WHEN regexp_full_match(t, '[0-9]{6,12}') THEN t END AS township, table_name, rule, count(*)::INTEGER AS n
  FROM (SELECT coalesce(json_extract_string(record, '$.township_code'), json_extract_string(record, '$.code')) AS t, table_name, rule FROM quarantine)
  GROUP BY ALL
), unknown_policy AS (
  SELECT township, sum(n)::INTEGER AS n FROM r_births WHERE township <> 'all' AND policy_status = 'unknown' GROUP BY 1
)
SELECT 'accepted' AS kind, township, table_name, NULL::VARCHAR AS rule, n FROM accepted
UNION ALL SELECT 'quarantined', township, table_name, rule, n FROM quarantined
UNION ALL SELECT 'unknown_policy', township, 'births', NULL, n FROM unknown_policy
ORDER BY township, kind, table_name, rule;
