-- Test only: numbers of every kind the numeric reader takes (NULLs every 7th and 5th row).
SELECT i::INTEGER AS i, CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 0.5)::DOUBLE END AS half, (i * 3)::BIGINT AS big, (i % 2 = 0) AS even,
       (i % 100 - 50)::SMALLINT AS small, CASE WHEN i % 5 = 0 THEN NULL ELSE -i::INTEGER END AS sparse, (i / 4)::FLOAT AS quarter
FROM cells
WHERE i < $n
ORDER BY i;
