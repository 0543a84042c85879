-- A township account under small-cell suppression reads published_cells only: the monthly
-- rollups are not even there to name.
DROP TABLE r_births; DROP TABLE r_births_age; DROP TABLE r_deaths; DROP TABLE r_marriages; DROP TABLE r_marriage_persons;
DROP TABLE r_migrant_age; DROP TABLE r_migrant_flow; DROP TABLE r_migrant_origin; DROP TABLE r_migrant_stock;
DROP TABLE r_population; DROP TABLE township_population;
