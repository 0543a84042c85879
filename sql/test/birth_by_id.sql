-- Test-only query (used by test/ingest.test.ts): the accepted births with one id.
SELECT birth_date::VARCHAR AS birth_date FROM births WHERE birth_id = $id;
