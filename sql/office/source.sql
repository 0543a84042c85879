-- The office table being read: its UTF-8 CSV and delimiter, the lines above its header, the header's row
-- in the planner's file (a row's number counts from it), the field name of each column in order (unread
-- columns as _skip_<n>), its name for quarantine, what the file name says (a migrant file's direction),
-- and the Parquet file in the import's work folder that its mapped rows are written to.
SET VARIABLE office_file = $file;
SET VARIABLE office_delim = $delim;
SET VARIABLE office_skip = $skip;
SET VARIABLE office_header_row = $header_row;
SET VARIABLE office_names = $names;
SET VARIABLE office_source = $source;
SET VARIABLE office_direction = $direction;
SET VARIABLE office_wide = $wide;
SET VARIABLE office_out = $out;
