-- The county codes of the database an import replaces (attached as `previous`, read-only).
SELECT DISTINCT county_code FROM previous.regions ORDER BY 1;
