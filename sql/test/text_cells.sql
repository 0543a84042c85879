-- Test only: a text column, which the numeric reader refuses.
SELECT i, label FROM cells;
