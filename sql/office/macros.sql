-- Reading office values into contract values (server/office/): text, dates, numbers, codes,
-- division codes and 公民身份号码 (GB 11643). Temporary macros of the import's connection.

-- A cell's text, NULL when blank.
CREATE OR REPLACE TEMP MACRO office_text(t) AS nullif(trim(t), '');
-- Dates as offices write them: 2024-03-05, 2024/3/5, 20240305, 2024年3月5日, 2024.3.5, with or without a time.
CREATE OR REPLACE TEMP MACRO office_date(t) AS CASE WHEN office_text(t) IS NULL THEN NULL ELSE coalesce(
  TRY_CAST(office_text(t) AS DATE),
  try_strptime(office_text(t), '%Y/%m/%d')::DATE,
  try_strptime(office_text(t), '%Y%m%d')::DATE,
  try_strptime(office_text(t), '%Y年%m月%d日')::DATE,
  try_strptime(office_text(t), '%Y.%m.%d')::DATE,
  TRY_CAST(TRY_CAST(office_text(t) AS TIMESTAMP) AS DATE),
  try_strptime(office_text(t), '%Y/%m/%d %H:%M:%S')::DATE,
  try_strptime(office_text(t), '%Y/%m/%d %H:%M')::DATE) END;
CREATE OR REPLACE TEMP MACRO office_int(t) AS TRY_CAST(office_text(t) AS INTEGER);
CREATE OR REPLACE TEMP MACRO office_number(t) AS TRY_CAST(office_text(t) AS DOUBLE);
-- A value through its code table (a MAP); a value the table lacks passes unchanged, so the rules see it.
CREATE OR REPLACE TEMP MACRO office_code(codes, t) AS CASE WHEN office_text(t) IS NULL THEN NULL ELSE coalesce(codes[office_text(t)], office_text(t)) END;
-- True when a cell holds text that could not be read as its column's type.
CREATE OR REPLACE TEMP MACRO office_unread(t, v) AS office_text(t) IS NOT NULL AND v IS NULL;
-- Division codes: a 12-digit 统计用区划代码 names its township by its first 9 digits.
CREATE OR REPLACE TEMP MACRO office_digits(t) AS replace(office_text(t), ' ', '');
CREATE OR REPLACE TEMP MACRO office_township(t) AS CASE WHEN length(office_digits(t)) = 12 THEN left(office_digits(t), 9) ELSE office_digits(t) END;
CREATE OR REPLACE TEMP MACRO office_village(t) AS CASE WHEN length(office_digits(t)) = 12 THEN office_digits(t) END;
-- Origin or destination of a migrant: a province (2 digits) or a county (6); longer codes are cut
-- to their county, and a province written as 6 digits (510000) to its 2.
CREATE OR REPLACE TEMP MACRO office_place(t) AS CASE
  WHEN length(office_digits(t)) >= 6 AND substr(office_digits(t), 3, 4) = '0000' THEN left(office_digits(t), 2)
  WHEN length(office_digits(t)) > 6 THEN left(office_digits(t), 6)
  ELSE office_digits(t) END;
-- Ages: 37, 37岁, 100岁及以上, 100+, 100以上.
CREATE OR REPLACE TEMP MACRO office_age(t) AS TRY_CAST(regexp_extract(office_text(t), '^([0-9]+) *(岁|周岁)? *(及以上|以上|\+)?$', 1) AS INTEGER);
-- A 5-year age group as offices write it (0-4, 5～9岁, 95—99): its first age, NULL for anything else.
CREATE OR REPLACE TEMP MACRO office_age_group(t) AS TRY_CAST(regexp_extract(office_text(t), '^([0-9]+) *(岁)? *[-－~～—至到] *([0-9]+) *(岁)?$', 1) AS INTEGER);
-- Township kind from the name's suffix when the file has no kind column.
CREATE OR REPLACE TEMP MACRO office_kind(name) AS CASE
  WHEN suffix(name, '街道') OR suffix(name, '街道办事处') THEN 'subdistrict'
  WHEN suffix(name, '镇') THEN 'town'
  WHEN suffix(name, '乡') OR suffix(name, '苏木') THEN 'township' END;

-- 公民身份号码 (GB 11643): 18 characters (6 area, 8 birth date, 3 sequence — odd for men — and a
-- check character, ISO 7064 MOD 11-2), or the legacy 15 digits (area, YYMMDD of 19YY, sequence).
-- Read in steps, each once per row (the table files compute them in successive CTEs):
-- id_clean → id_length → id_body (the 17 characters before the check, 19 added to a 15-digit
-- number) → id_check_char and id_birth → id_status, id_sex, id_key.
CREATE OR REPLACE TEMP MACRO id_clean(t) AS upper(replace(office_text(t), ' ', ''));
CREATE OR REPLACE TEMP MACRO id_length(i) AS CASE
  WHEN i IS NULL THEN NULL WHEN regexp_full_match(i, '[0-9]{17}[0-9X]') THEN 18 WHEN regexp_full_match(i, '[0-9]{15}') THEN 15 ELSE 0 END;
CREATE OR REPLACE TEMP MACRO id_body(i, len) AS CASE len WHEN 18 THEN left(i, 17) WHEN 15 THEN left(i, 6) || '19' || substr(i, 7, 9) END;
CREATE OR REPLACE TEMP MACRO id_digit(b, k) AS ascii(substr(b, k, 1)) - 48;
CREATE OR REPLACE TEMP MACRO id_check_char(b) AS substr('10X98765432', 1 + (
  7 * id_digit(b, 1) + 9 * id_digit(b, 2) + 10 * id_digit(b, 3) + 5 * id_digit(b, 4) + 8 * id_digit(b, 5) + 4 * id_digit(b, 6)
  + 2 * id_digit(b, 7) + 1 * id_digit(b, 8) + 6 * id_digit(b, 9) + 3 * id_digit(b, 10) + 7 * id_digit(b, 11) + 9 * id_digit(b, 12)
  + 10 * id_digit(b, 13) + 5 * id_digit(b, 14) + 8 * id_digit(b, 15) + 4 * id_digit(b, 16) + 2 * id_digit(b, 17)) % 11, 1);
CREATE OR REPLACE TEMP MACRO id_birth(b) AS try_strptime(substr(b, 7, 8), '%Y%m%d')::DATE;
CREATE OR REPLACE TEMP MACRO id_sex(b) AS CASE WHEN b IS NULL THEN NULL WHEN id_digit(b, 17) % 2 = 1 THEN 'M' ELSE 'F' END;
-- ok, or the first problem: format, check_digit, birth_date (not a calendar date). NULL without a number.
CREATE OR REPLACE TEMP MACRO id_status(i, len, check_char, born) AS CASE
  WHEN i IS NULL THEN NULL
  WHEN len = 0 THEN 'format'
  WHEN len = 18 AND check_char <> substr(i, 18, 1) THEN 'check_digit'
  WHEN born IS NULL THEN 'birth_date'
  ELSE 'ok' END;
-- The first problem among a row's ID numbers (ok when all are fine, NULL when it has none).
CREATE OR REPLACE TEMP MACRO id_worst(a, b) AS CASE
  WHEN a IS NULL THEN b WHEN b IS NULL THEN a WHEN a <> 'ok' THEN a ELSE b END;
-- The keyed hash kept instead of the number: 64 bits of SHA-256 over the secret and the 18-character form.
CREATE OR REPLACE TEMP MACRO id_key(b, check_char) AS left(sha256(getvariable('office_secret') || b || check_char), 16);
