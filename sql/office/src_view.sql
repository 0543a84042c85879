-- The normalised office rows as the rule files' `src` (contract columns, _file, _row).
CREATE TEMP VIEW src AS SELECT * FROM office_rows;
