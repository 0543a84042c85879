-- Registered population at 31 Dec of $year for every township (the map's default layer).
SELECT r.code AS township, r.name, r.kind, coalesce(p.population, 0)::DOUBLE AS value
FROM regions r LEFT JOIN township_population p ON p.township_code = r.code AND p.year = $year
ORDER BY r.code;
