-- Points the office reading queries at one UTF-8 CSV.
SET VARIABLE office_file = $file;
