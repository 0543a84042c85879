-- The population years this import accepted.
SELECT DISTINCT year FROM population ORDER BY 1;
