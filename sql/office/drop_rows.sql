DROP TABLE IF EXISTS office_rows;
