-- Which derivation made the stored projection assumptions (a hash of its code, server/projection/storedAssumptions.ts);
-- no row when the import stored none.
SELECT value FROM ingest_meta WHERE key = 'projection_assumptions';
