-- One table in two attached databases (a.<t>, b.<t>): rows only in a, rows only in b (EXCEPT ALL, so
-- a repeated row counts as often as it repeats), and each side's row count. The table names are bound.
SET VARIABLE a_table = $a_table;
SET VARIABLE b_table = $b_table;
SELECT
  (SELECT count(*) FROM (FROM query_table(getvariable('a_table')) EXCEPT ALL FROM query_table(getvariable('b_table'))))::INTEGER AS only_a,
  (SELECT count(*) FROM (FROM query_table(getvariable('b_table')) EXCEPT ALL FROM query_table(getvariable('a_table'))))::INTEGER AS only_b,
  (SELECT count(*) FROM query_table(getvariable('a_table')))::INTEGER AS rows_a,
  (SELECT count(*) FROM query_table(getvariable('b_table')))::INTEGER AS rows_b;
