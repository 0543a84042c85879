-- The first rows of the office table in getvariable('office_file'), all as text.
SELECT * FROM read_csv(getvariable('office_file'), header = true, all_varchar = true, delim = getvariable('office_delim'), skip = getvariable('office_skip'), quote = '"', escape = '"') LIMIT $rows;
