-- Rows staged from the current table's files (before the rules are checked).
SELECT count(*)::BIGINT::DOUBLE AS n FROM src;
