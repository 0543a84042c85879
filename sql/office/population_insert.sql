-- Graduated single-age population rows (server/office/graduate.ts) → the mapped Parquet file.
COPY (
SELECT year::INTEGER AS year, township_code, sex, age::INTEGER AS age, count::INTEGER AS count, $file AS _file, NULL::BIGINT AS _row, false AS _blank, false AS _total, NULL::BIGINT AS _header_row, NULL::UBIGINT AS _line
FROM (SELECT unnest($years) AS year, unnest($townships) AS township_code, unnest($sexes) AS sex, unnest($ages) AS age, unnest($counts) AS count)
) TO (getvariable('office_out')) (FORMAT parquet);
