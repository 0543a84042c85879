-- Test only: numbers of every kind the numeric reader takes (and a NULL every 7th row).
SELECT i::INTEGER AS i, CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 0.5)::DOUBLE END AS half, (i * 3)::BIGINT AS big, (i % 2 = 0) AS even
FROM cells
WHERE i < $n
ORDER BY i;
