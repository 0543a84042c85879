-- Test-only query: accepted births.
SELECT count(*)::INTEGER AS n FROM births;
