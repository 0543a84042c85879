-- A report block's statement parsed, not bound: DuckDB serialises SELECTs only (an error object
-- for anything else), so a write is refused by its kind before its tables are looked up.
SELECT json_serialize_sql($sql::VARCHAR) AS tree;
