-- A staged office population file with its open age groups below 100 (85岁及以上) shared over the
-- single ages up to 100+ (the shares: server/office/openAgeGroup.ts), written to $out. Each part is a
-- whole number and a row's parts add up to its count (largest remainders, ties to the younger age);
-- a part keeps its line's _file and _row, so a quarantined part names the line it came from. Every
-- other row is written as it was.
SET VARIABLE office_split_out = $out;
COPY (
WITH staged AS (
  SELECT * FROM read_parquet($file)
), shares AS (
  SELECT unnest($years) AS year, unnest($sexes) AS sex, unnest($froms) AS age_from, unnest($ages) AS part_age, unnest($shares) AS share
), parts AS (
  SELECT s.* EXCLUDE (age, count), sh.part_age AS age, s.count AS whole, s.count * sh.share AS exact
  FROM staged s JOIN shares sh ON sh.year = s.year AND sh.sex = s.sex AND sh.age_from = s.age
  WHERE s._open
), ranked AS (
  SELECT *, floor(exact) AS base,
    row_number() OVER (PARTITION BY _file, _row ORDER BY exact - floor(exact) DESC, age) AS place,
    whole - sum(floor(exact)) OVER (PARTITION BY _file, _row) AS remainder
  FROM parts
)
SELECT * EXCLUDE (_open) FROM staged s
WHERE NOT (s._open AND EXISTS (SELECT 1 FROM shares sh WHERE sh.year = s.year AND sh.sex = s.sex AND sh.age_from = s.age))
UNION ALL BY NAME
SELECT * EXCLUDE (_open, whole, exact, base, place, remainder), (base + CASE WHEN place <= remainder THEN 1 ELSE 0 END)::BIGINT AS count
FROM ranked
) TO (getvariable('office_split_out')) (FORMAT parquet);
