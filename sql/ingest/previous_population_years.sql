-- The population years of the database an import replaces (attached as `previous`, read-only).
SELECT DISTINCT year FROM previous.r_population WHERE township = 'all' ORDER BY 1;
