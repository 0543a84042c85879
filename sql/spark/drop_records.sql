-- A database built from Spark's rollups serves from rollups alone: the empty record tables that
-- gave the rollups their DuckDB types go. regions stays (the township list, not records).
DROP TABLE population;
DROP TABLE births;
DROP TABLE marriages;
DROP TABLE migrants;
DROP TABLE deaths;
