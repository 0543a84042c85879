-- A staged office population file with its open age groups below 100 (85岁及以上) shared over the
-- single ages up to 100+ (the shares: server/office/openAgeGroup.ts), written to $out. Each part is a
-- whole number and a row's parts add up to its count (largest remainders, ties to the younger age).
-- A part keeps its line's _row and names its age after the line's _file ('户籍人口.csv 男 90岁'): the
-- rules tell records apart by (_file, _row), and a quarantined part names the line it came from.
-- An open line beside single ages at or above its first age (其中 60岁及以上 under ages 0 … 100+) is
-- a memo of them, not more people: marked _total, left out like a 合计 line. Every other row as it was.
SET VARIABLE office_split_out = $out;
COPY (
WITH staged AS (
  SELECT * FROM read_parquet($file)
), memo AS (
  -- an open row whose year, township and sex have rows of single ages at or above its first age
  SELECT DISTINCT o._file, o._row
  FROM staged o JOIN staged s ON s.year = o.year AND s.township_code = o.township_code AND s.sex = o.sex
    AND NOT s._open AND NOT s._total AND s.age >= o.age
  WHERE o._open
), marked AS (
  SELECT s.* REPLACE (s._total OR m._row IS NOT NULL AS _total, s._open AND m._row IS NULL AS _open)
  FROM staged s LEFT JOIN memo m ON m._file = s._file AND m._row = s._row
), shares AS (
  -- typed: the lists are empty when every open line is a memo
  SELECT unnest($years)::INTEGER AS year, unnest($sexes)::VARCHAR AS sex, unnest($froms)::INTEGER AS age_from,
    unnest($ages)::INTEGER AS part_age, unnest($shares)::DOUBLE AS share
), parts AS (
  SELECT s.* EXCLUDE (age, count, _file), s._file || ' ' || sh.part_age || '岁' AS _file, sh.part_age AS age, s._file AS line_file,
    s.count AS whole, s.count * sh.share AS exact
  FROM marked s JOIN shares sh ON sh.year = s.year AND sh.sex = s.sex AND sh.age_from = s.age
  WHERE s._open
), ranked AS (
  SELECT *, floor(exact) AS base,
    row_number() OVER (PARTITION BY line_file, _row ORDER BY exact - floor(exact) DESC, age) AS place,
    whole - sum(floor(exact)) OVER (PARTITION BY line_file, _row) AS remainder
  FROM parts
)
SELECT * EXCLUDE (_open) FROM marked s
WHERE NOT (s._open AND EXISTS (SELECT 1 FROM shares sh WHERE sh.year = s.year AND sh.sex = s.sex AND sh.age_from = s.age))
UNION ALL BY NAME
SELECT * EXCLUDE (_open, line_file, whole, exact, base, place, remainder), (base + CASE WHEN place <= remainder THEN 1 ELSE 0 END)::BIGINT AS count
FROM ranked
) TO (getvariable('office_split_out')) (FORMAT parquet);
