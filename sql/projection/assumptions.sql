-- The projection assumptions stored at import (sql/ingest/projection_assumptions_table.sql), in the
-- order they were appended: each unit's 101 rows together, i = 0..100. No ORDER BY: DuckDB keeps
-- insertion order (preserve_insertion_order), and sorting 46 columns would cost more than reading
-- them; server/projection/assumptionRows.ts checks the order and derives instead if it is not kept.
SELECT * FROM projection_assumptions;
