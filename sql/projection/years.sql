-- Years with a registered population year-end (the possible base years of a projection).
SELECT DISTINCT year::INTEGER AS year FROM r_population WHERE township = 'all' ORDER BY year;
