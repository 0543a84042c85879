-- The county codes of the regions this import has just read.
SELECT DISTINCT county_code FROM regions ORDER BY 1;
