-- Quarantined rows by table and rule.
SELECT table_name, rule, count(*)::INTEGER AS n FROM quarantine GROUP BY ALL ORDER BY ALL;
