-- The tables of a report's SQL sandbox (server/notebooks/sandbox.ts): aggregates only, in the
-- types the copy queries cast to. Record tables and quarantine are never here.
CREATE TABLE r_births (township VARCHAR, month DATE, residence VARCHAR, sex VARCHAR, birth_order INTEGER, policy_status VARCHAR, hospital BOOLEAN, n INTEGER);
CREATE TABLE r_births_age (township VARCHAR, month DATE, residence VARCHAR, mother_age INTEGER, n INTEGER);
CREATE TABLE r_deaths (township VARCHAR, year INTEGER, sex VARCHAR, age INTEGER, n INTEGER);
CREATE TABLE r_marriages (township VARCHAR, month DATE, remarriage BOOLEAN, n INTEGER);
CREATE TABLE r_marriage_persons (township VARCHAR, month DATE, sex VARCHAR, first_marriage BOOLEAN, age INTEGER, n INTEGER);
CREATE TABLE r_migrant_age (township VARCHAR, year INTEGER, direction VARCHAR, sex VARCHAR, age INTEGER, n INTEGER);
CREATE TABLE r_migrant_flow (township VARCHAR, month DATE, direction VARCHAR, event VARCHAR, sex VARCHAR, n INTEGER);
CREATE TABLE r_migrant_origin (township VARCHAR, month DATE, direction VARCHAR, origin_code VARCHAR, n INTEGER);
CREATE TABLE r_migrant_stock (township VARCHAR, month DATE, direction VARCHAR, sex VARCHAR, cert BOOLEAN, w BOOLEAN, n INTEGER);
CREATE TABLE r_population (township VARCHAR, year INTEGER, sex VARCHAR, age INTEGER, n BIGINT);
CREATE TABLE township_population (township_code VARCHAR, year INTEGER, population BIGINT);
CREATE TABLE regions (code VARCHAR, name VARCHAR, county_code VARCHAR, kind VARCHAR, name_en VARCHAR, area_km2 DOUBLE);
CREATE TABLE calendar_months (month DATE);
CREATE TABLE year_ends (residence VARCHAR, years INTEGER[]);
-- A township account under small-cell suppression reads these instead of the monthly rollups:
-- every published cell of its townships (server/disclosure/), n NULL where suppressed.
CREATE TABLE published_cells (township VARCHAR, family VARCHAR, period VARCHAR, coords VARCHAR, n DOUBLE);
