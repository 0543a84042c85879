-- Townships that can be projected (code and name), in code order.
SELECT code, name FROM regions ORDER BY code;
