-- Graduated single-age population rows (server/office/graduate.ts) into office_rows.
INSERT INTO office_rows (year, township_code, sex, age, count, _file, _row)
SELECT year::INTEGER, township_code, sex, age::INTEGER, count::INTEGER, $file, row_number() OVER ()
FROM (SELECT unnest($years) AS year, unnest($townships) AS township_code, unnest($sexes) AS sex, unnest($ages) AS age, unnest($counts) AS count);
