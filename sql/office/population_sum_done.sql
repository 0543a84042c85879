-- The work tables of population_sum_lines.sql, dropped once its sums are written (a province's lines).
DROP TABLE IF EXISTS office_population_marked;
DROP TABLE IF EXISTS office_population_sums;
