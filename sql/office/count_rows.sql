-- How many rows office_rows holds before the next file is read into it.
SELECT count(*)::BIGINT AS n FROM office_rows;
