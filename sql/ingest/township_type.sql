-- The township codes of the accepted township list as a storage type for the record tables
-- (DuckDB only, see code_types.sql): rows of an unknown township are quarantined before any cast.
CREATE TYPE township_enum AS ENUM (SELECT code FROM regions ORDER BY code);
