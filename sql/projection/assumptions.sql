-- The projection assumptions stored at import (sql/ingest/projection_assumptions_table.sql), every
-- unit's 101 rows together and in order (server/projection/assumptionRows.ts reads them by position).
SELECT * FROM projection_assumptions ORDER BY unit, i;
