-- The open age groups below 100 (85岁及以上) of a staged office population file, by year and sex, for
-- the shares they are split by (server/office/openAgeGroup.ts), and whether each is a memo: an open line
-- whose year, township and sex also have single ages at or above its first age (其中 60岁及以上 under
-- ages 0 … 100+), which population_split_open.sql leaves out. Rows without a year, a sex or a count are
-- not split: the rules quarantine them as they are.
SELECT year::INTEGER AS year, sex, age::INTEGER AS age_from, bool_and(memo) AS memo
FROM (
  SELECT o.year, o.sex, o.age, EXISTS (
      SELECT 1 FROM read_parquet($file) s
      WHERE s.year = o.year AND s.township_code = o.township_code AND s.sex = o.sex AND NOT s._open AND NOT s._total AND s.age >= o.age
    ) AS memo
  FROM read_parquet($file) o
  WHERE o._open AND o.year IS NOT NULL AND o.sex IS NOT NULL AND o.count IS NOT NULL
)
GROUP BY ALL ORDER BY ALL;
