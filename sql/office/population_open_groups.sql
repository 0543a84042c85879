-- The open age groups below 100 (85岁及以上) of a staged office population file, by year and sex, for
-- the shares they are split by (server/office/openAgeGroup.ts). Rows without a year, a sex or a count
-- are not split: the rules quarantine them as they are.
SELECT DISTINCT year::INTEGER AS year, sex, age::INTEGER AS age_from
FROM read_parquet($file)
WHERE _open AND year IS NOT NULL AND sex IS NOT NULL AND count IS NOT NULL
ORDER BY ALL;
