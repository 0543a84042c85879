-- Targets imported from the export folder's targets file.
SELECT measure, scope, year, direction, value, upper, source_line FROM targets ORDER BY measure, scope, year;
