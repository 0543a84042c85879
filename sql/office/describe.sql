-- The columns of the office table in getvariable('office_file') (a UTF-8 CSV), as the import reads them.
DESCRIBE SELECT * FROM read_csv(getvariable('office_file'), header = true, all_varchar = true, delim = getvariable('office_delim'), skip = getvariable('office_skip'), quote = '"', escape = '"');
