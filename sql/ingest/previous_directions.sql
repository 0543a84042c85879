-- The migrant directions the database an import replaces holds (attached as `previous`, read-only).
SELECT DISTINCT direction FROM previous.r_migrant_flow WHERE township = 'all' ORDER BY direction;
