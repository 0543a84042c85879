-- Rollups built once per import, so that dashboard queries read small tables sorted by township
-- instead of the records. Every rollup also carries the county-wide level as township = 'all'
-- (for a province-scale set: every township in the database), so county series read one slice;
-- the county level is summed from the township level, not from the records again.
-- Months are DATEs on the 1st; "stock at month m" means present at the end of that month.
-- The record tables store codes as ENUMs (sql/ingest/code_types.sql): grouping reads them as they
-- are, and each rollup gives its codes back as VARCHAR. (township becomes VARCHAR in the union with 'all'.)

-- Completed years of age at a date (birthday rule, 29 Feb birthdays reach the age on 1 Mar).
CREATE MACRO completed_years(born, on_day) AS
  year(on_day) - year(born) - (month(on_day) * 100 + day(on_day) < month(born) * 100 + day(born))::INTEGER;
-- The first day of a date's month: date_trunc('month', d)::DATE's value at a fifth of its cost (143
-- against 717 ms for a province's 34.5 M arrival dates; date_trunc makes a timestamp and casts it back).
CREATE MACRO month_start(d) AS d - (day(d) - 1)::INTEGER;

-- The calendar the data covers: every month from the first to the last year of population or births.
CREATE TABLE calendar_months AS
WITH span AS (
  SELECT least((SELECT min(year) FROM population), (SELECT year(min(birth_date)) FROM births)) AS y0,
         greatest((SELECT max(year) FROM population), (SELECT year(max(birth_date)) FROM births)) AS y1
)
SELECT make_date(y::INTEGER, m::INTEGER, 1) AS month
FROM span, range(y0, y1 + 1) AS ys(y), range(1, 13) AS ms(m)
ORDER BY month;

-- Periods (year, statistical year, half, quarter, month, year-to-date, rolling, ranges) are spans of
-- these months made in server/indicators/periods.ts and bound to each query as lists.

-- Births by month with the breakdowns of births, order shares, compliance, SRB and hospital delivery.
CREATE TABLE r_births AS
WITH t AS (
  SELECT township_code AS township, month_start(birth_date) AS month, mother_residence AS residence, sex,
         least(birth_order, 3)::INTEGER AS birth_order, policy_status, delivery_place = 'hospital' AS hospital, count(*)::INTEGER AS n
  FROM births GROUP BY ALL
)
SELECT township, month, residence::VARCHAR AS residence, sex::VARCHAR AS sex, birth_order, policy_status::VARCHAR AS policy_status, hospital, n
FROM (
  SELECT * FROM t
  UNION ALL
  SELECT 'all', month, residence, sex, birth_order, policy_status, hospital, sum(n)::INTEGER FROM t GROUP BY ALL
)
ORDER BY township, month;

-- Births by year and sex (the SRB by year and the ranking's pooled years): a twelfth of r_births'
-- rows, so a question over every township reads about 0.3 M rows on a province instead of 3.4 M.
CREATE TABLE r_births_year AS
SELECT township, year(month)::INTEGER AS year, residence, sex, birth_order, sum(n)::INTEGER AS n
FROM r_births GROUP BY ALL
ORDER BY township, year;

-- Births by month and mother's completed age (ASFR, TFR, mean age at childbearing).
CREATE TABLE r_births_age AS
WITH t AS (
  SELECT township_code AS township, month_start(birth_date) AS month, mother_residence AS residence,
         completed_years(mother_birth_date, birth_date) AS mother_age, count(*)::INTEGER AS n
  FROM births GROUP BY ALL
)
SELECT township, month, residence::VARCHAR AS residence, mother_age, n
FROM (SELECT * FROM t UNION ALL SELECT 'all', month, residence, mother_age, sum(n)::INTEGER FROM t GROUP BY ALL)
ORDER BY township, month;

-- Registered population at 31 Dec by single age and sex.
CREATE TABLE r_population AS
SELECT township, year, sex::VARCHAR AS sex, age, n
FROM (
  SELECT township_code AS township, year, sex, age, count::BIGINT AS n FROM population
  UNION ALL
  SELECT 'all', year, sex, age, sum(count)::BIGINT FROM population GROUP BY ALL
)
ORDER BY township, year;

CREATE TABLE township_population AS
SELECT township AS township_code, year, sum(n)::BIGINT AS population FROM r_population GROUP BY ALL ORDER BY ALL;

-- Registered deaths by year, sex and completed age at death (life tables, projection base).
CREATE TABLE r_deaths AS
WITH t AS (
  SELECT township_code AS township, year(death_date) AS year, sex, least(completed_years(birth_date, death_date), 100) AS age, count(*)::INTEGER AS n
  FROM deaths GROUP BY ALL
)
SELECT township, year, sex::VARCHAR AS sex, age, n
FROM (SELECT * FROM t UNION ALL SELECT 'all', year, sex, age, sum(n)::INTEGER FROM t GROUP BY ALL)
ORDER BY township, year;

-- Marriages by month: all, and those where either spouse had been married before (remarriage).
CREATE TABLE r_marriages AS
WITH t AS (
  SELECT township_code AS township, month_start(registration_date) AS month,
         husband_prior <> 'never_married' OR wife_prior <> 'never_married' AS remarriage, count(*)::INTEGER AS n
  FROM marriages GROUP BY ALL
)
SELECT * FROM t
UNION ALL
SELECT 'all', month, remarriage, sum(n)::INTEGER FROM t GROUP BY ALL
ORDER BY township, month;

-- Persons marrying by month, sex, first marriage or not, and completed age (age at first marriage).
CREATE TABLE r_marriage_persons AS
WITH t AS (
  SELECT township, month, sex, first_marriage, age, count(*)::INTEGER AS n
  FROM (
    SELECT township_code AS township, month_start(registration_date) AS month, 'M' AS sex,
           husband_prior = 'never_married' AS first_marriage, completed_years(husband_birth_date, registration_date) AS age
    FROM marriages
    UNION ALL
    SELECT township_code, month_start(registration_date), 'F',
           wife_prior = 'never_married', completed_years(wife_birth_date, registration_date)
    FROM marriages
  )
  GROUP BY ALL
)
SELECT * FROM t
UNION ALL
SELECT 'all', month, sex, first_marriage, age, sum(n)::INTEGER FROM t GROUP BY ALL
ORDER BY township, month;

-- Migrant stock at the end of every month, built from +1/-1 events (arrival, departure, a woman
-- turning 15 or 50 while present) and a running sum, so no migrant is expanded month by month.
-- w1549: a woman aged 15-49 at the month end. Events before the calendar count in its first month.
-- A view, not a table: each rollup below reads the few columns it needs straight from migrants
-- (writing a 34.5 M-row copy cost more than computing f15/f50 again).
CREATE TEMP VIEW migrant_spells AS
SELECT township_code, direction, sex, has_certificate AS cert, origin_code, arrival_date AS a, departure_date AS d,
       CASE WHEN sex = 'F' THEN (birth_date + INTERVAL 15 YEAR)::DATE END AS f15,
       CASE WHEN sex = 'F' THEN (birth_date + INTERVAL 50 YEAR)::DATE END AS f50
FROM migrants;

CREATE TABLE r_migrant_stock AS
WITH first_month AS (SELECT min(month) AS m0, max(month) AS m1 FROM calendar_months),
-- The events stream straight into the monthly sums (never stored: about 80 M rows on a province).
events AS (
  SELECT township_code, direction, sex, cert, a AS event_date, coalesce(f15 <= a AND f50 > a, false) AS w, 1 AS delta FROM migrant_spells
  UNION ALL
  SELECT township_code, direction, sex, cert, d, coalesce((f15 <= a OR f15 < d) AND NOT (f50 <= a OR f50 < d), false), -1
  FROM migrant_spells WHERE d IS NOT NULL
  UNION ALL
  SELECT township_code, direction, sex, cert, f15, w, delta
  FROM migrant_spells, (VALUES (false, -1), (true, 1)) AS t(w, delta) WHERE f15 > a AND (d IS NULL OR f15 < d)
  UNION ALL
  SELECT township_code, direction, sex, cert, f50, w, delta
  FROM migrant_spells, (VALUES (true, -1), (false, 1)) AS t(w, delta) WHERE f50 > a AND (d IS NULL OR f50 < d)
),
deltas AS (
  SELECT township_code, direction, sex, cert, w, greatest(month_start(event_date), m0) AS month, sum(delta) AS delta
  FROM events, first_month WHERE event_date <= last_day(m1) GROUP BY ALL
),
groups AS (SELECT DISTINCT township_code, direction, sex, cert, w FROM deltas),
grid AS (
  SELECT g.township_code, g.direction, g.sex, g.cert, g.w, c.month, coalesce(d.delta, 0) AS delta
  FROM groups g CROSS JOIN calendar_months c
  LEFT JOIN deltas d ON d.township_code = g.township_code AND d.direction = g.direction AND d.sex = g.sex
    AND d.cert = g.cert AND d.w = g.w AND d.month = c.month
),
stock AS (
  SELECT township_code, month, direction, sex, cert, w,
         sum(delta) OVER (PARTITION BY township_code, direction, sex, cert, w ORDER BY month) AS n
  FROM grid
)
SELECT township, month, direction::VARCHAR AS direction, sex::VARCHAR AS sex, cert, w, n
FROM (
  SELECT township_code AS township, month, direction, sex, cert, w, n::INTEGER AS n FROM stock WHERE n <> 0
  UNION ALL
  SELECT 'all', month, direction, sex, cert, w, sum(n)::INTEGER FROM stock GROUP BY ALL HAVING sum(n) <> 0
)
ORDER BY township, month;

-- Migrant stock at the end of every month by origin (hukou province or county) or destination.
CREATE TABLE r_migrant_origin AS
WITH first_month AS (SELECT min(month) AS m0, max(month) AS m1 FROM calendar_months),
events AS (
  SELECT township_code, direction, origin_code, a AS event_date, 1 AS delta FROM migrant_spells
  UNION ALL SELECT township_code, direction, origin_code, d, -1 FROM migrant_spells WHERE d IS NOT NULL
),
deltas AS (
  SELECT township_code, direction, origin_code, greatest(month_start(event_date), m0) AS month, sum(delta) AS delta
  FROM events, first_month WHERE event_date <= last_day(m1) GROUP BY ALL
),
groups AS (SELECT DISTINCT township_code, direction, origin_code FROM deltas),
grid AS (
  SELECT g.township_code, g.direction, g.origin_code, c.month, coalesce(d.delta, 0) AS delta
  FROM groups g CROSS JOIN calendar_months c
  LEFT JOIN deltas d ON d.township_code = g.township_code AND d.direction = g.direction
    AND d.origin_code = g.origin_code AND d.month = c.month
),
stock AS (
  SELECT township_code, month, direction, origin_code,
         sum(delta) OVER (PARTITION BY township_code, direction, origin_code ORDER BY month) AS n
  FROM grid
)
SELECT township, month, direction::VARCHAR AS direction, origin_code, n
FROM (
  SELECT township_code AS township, month, direction, origin_code, n::INTEGER AS n FROM stock WHERE n <> 0
  UNION ALL
  SELECT 'all', month, direction, origin_code, sum(n)::INTEGER FROM stock GROUP BY ALL HAVING sum(n) <> 0
)
ORDER BY township, month;

-- Arrivals and departures by month (inflow / outflow in a period).
CREATE TABLE r_migrant_flow AS
WITH t AS (
  SELECT township_code AS township, month, direction, event, sex, count(*)::INTEGER AS n
  FROM (
    SELECT township_code, month_start(a) AS month, direction, 'arrival' AS event, sex FROM migrant_spells
    UNION ALL
    SELECT township_code, month_start(d), direction, 'departure', sex FROM migrant_spells WHERE d IS NOT NULL
  )
  GROUP BY ALL
)
SELECT township, month, direction::VARCHAR AS direction, event, sex::VARCHAR AS sex, n
FROM (SELECT * FROM t UNION ALL SELECT 'all', month, direction, event, sex, sum(n)::INTEGER FROM t GROUP BY ALL)
ORDER BY township, month;

-- Migrants present at 31 Dec of each year (from the year before the calendar) by sex and completed
-- age then: the migrant side of mid-period denominators (interpolated between year-ends, like the
-- registered population) and of the resident pyramid. Each migrant yields only the years present.
CREATE TABLE r_migrant_age AS
WITH span AS (SELECT year(min(month)) - 1 AS y0, year(max(month)) AS y1 FROM calendar_months),
years AS (SELECT unnest(range(y0, y1 + 1)) AS year FROM span),
-- Present at 31 Dec of year y when arrived by then and not departed by then: y from year(arrival)
-- to year(departure) - 1 (a departure on 31 Dec of y is gone by the end of that day).
spells AS (
  SELECT township_code, direction, sex, year(birth_date) AS born,
         greatest(year(arrival_date), y0) AS first_year, least(coalesce(year(departure_date) - 1, y1), y1) AS last_year
  FROM migrants, span
),
t AS (
  -- Completed years on 31 Dec of y are y − birth year (every birthday of y has passed by then):
  -- no date is built for each of the ~200 M migrant-years of a province. A range join with the
  -- years, not unnest(range(...)) per migrant: 13.1 s against 14.9 s on the province.
  SELECT township_code AS township, y.year::INTEGER AS year, direction, sex,
         least(greatest(y.year - born, 0), 100) AS age, count(*)::INTEGER AS n
  FROM spells s JOIN years y ON y.year >= s.first_year AND y.year <= s.last_year
  GROUP BY ALL
)
SELECT township, year, direction::VARCHAR AS direction, sex::VARCHAR AS sex, age, n
FROM (SELECT * FROM t UNION ALL SELECT 'all', year, direction, sex, age, sum(n)::INTEGER FROM t GROUP BY ALL)
ORDER BY township, year;

-- The year-ends each population source has, so a request need not scan a rollup to find out.
CREATE TABLE year_ends AS
SELECT 'registered' AS residence, list(DISTINCT year ORDER BY year) AS years FROM r_population
UNION ALL
SELECT 'migrant', list(DISTINCT year ORDER BY year) FROM r_migrant_age;

DROP VIEW migrant_spells;
