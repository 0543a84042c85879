-- The migrants of each direction this import accepted.
SELECT direction::VARCHAR AS direction, count(*)::BIGINT AS n FROM migrants GROUP BY 1 ORDER BY 1;
