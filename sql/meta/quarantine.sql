-- Quarantined rows by table and rule (counts only: the rows themselves never leave the server).
SELECT table_name, rule, count(*)::INTEGER AS n FROM quarantine GROUP BY table_name, rule ORDER BY table_name, rule;
