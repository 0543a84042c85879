-- Data quality by township: event records accepted per table, quarantined by table and rule (the
-- township as the record wrote it, NULL when it had none), and births whose policy status is unknown.
WITH accepted AS (
  SELECT township_code AS township, 'births' AS table_name, count(*)::INTEGER AS n FROM births GROUP BY 1
  UNION ALL SELECT township_code, 'marriages', count(*)::INTEGER FROM marriages GROUP BY 1
  UNION ALL SELECT township_code, 'migrants', count(*)::INTEGER FROM migrants GROUP BY 1
  UNION ALL SELECT township_code, 'deaths', count(*)::INTEGER FROM deaths GROUP BY 1
), quarantined AS (
  SELECT coalesce(json_extract_string(record, '$.township_code'), json_extract_string(record, '$.code')) AS township, table_name, rule, count(*)::INTEGER AS n
  FROM quarantine GROUP BY ALL
), unknown_policy AS (
  SELECT township_code AS township, count(*)::INTEGER AS n FROM births WHERE policy_status = 'unknown' GROUP BY 1
)
SELECT 'accepted' AS kind, township, table_name, NULL::VARCHAR AS rule, n FROM accepted
UNION ALL SELECT 'quarantined', township, table_name, rule, n FROM quarantined
UNION ALL SELECT 'unknown_policy', township, 'births', NULL, n FROM unknown_policy
ORDER BY township, kind, table_name, rule;
