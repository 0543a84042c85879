-- Storage types of the record tables' coded columns (DuckDB only; the Spark job keeps strings): a
-- code stored as an ENUM is a byte, and writing a province's 34.5 M migrants took about three times
-- as long with the same codes as VARCHAR. The values are the contract's, bound as lists. The rules
-- check every value before a row is stored, so the casts to these types never meet another value.
CREATE TYPE sex_enum AS ENUM (SELECT unnest($sexes::VARCHAR[]));
CREATE TYPE residence_enum AS ENUM (SELECT unnest($residences::VARCHAR[]));
CREATE TYPE policy_enum AS ENUM (SELECT unnest($policy_statuses::VARCHAR[]));
CREATE TYPE delivery_enum AS ENUM (SELECT unnest($delivery_places::VARCHAR[]));
CREATE TYPE prior_enum AS ENUM (SELECT unnest($prior_statuses::VARCHAR[]));
CREATE TYPE marital_enum AS ENUM (SELECT unnest($marital_statuses::VARCHAR[]));
CREATE TYPE direction_enum AS ENUM (SELECT unnest($directions::VARCHAR[]));
