-- Closes a report sandbox once its tables are filled: no file or network access, no settings changed.
SET enable_external_access = false;
SET lock_configuration = true;
