-- Quarantined rows of one table, by the rule they broke.
SELECT rule, count(*)::INTEGER AS n FROM quarantine WHERE table_name = $table GROUP BY rule ORDER BY rule;
