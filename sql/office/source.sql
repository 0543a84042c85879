-- The office table being read: its UTF-8 CSV, the field name of each column in order (unread
-- columns as _skip_<n>), its name for quarantine, and what the file name says (a migrant file's direction).
SET VARIABLE office_file = $file;
SET VARIABLE office_names = $names;
SET VARIABLE office_source = $source;
SET VARIABLE office_direction = $direction;
SET VARIABLE office_wide = $wide;
