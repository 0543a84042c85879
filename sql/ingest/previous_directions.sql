-- The migrants of each direction the database an import replaces holds (attached as `previous`,
-- read-only): every migrant has exactly one arrival in r_migrant_flow.
SELECT direction, sum(n)::BIGINT AS n FROM previous.r_migrant_flow WHERE township = 'all' AND event = 'arrival' GROUP BY 1 ORDER BY 1;
