-- The targets file's rows, bound as parallel lists (one element per target; '' for no year or no upper end).
INSERT INTO targets
SELECT unnest($measures), unnest($scopes), TRY_CAST(unnest($years) AS INTEGER), unnest($directions), unnest($values),
       TRY_CAST(unnest($uppers) AS DOUBLE), unnest($lines);
