-- Reading office values into contract values (server/office/): text, dates, numbers, codes,
-- division codes and 公民身份号码 (GB 11643). Temporary macros of the import's connection.

-- A cell's text, NULL when blank. Trimmed only when it starts or ends with a space: trim() costs
-- several times the two tests, and macros repeat their argument, so this runs a few times a cell.
CREATE OR REPLACE TEMP MACRO office_text(t) AS CASE WHEN prefix(t, ' ') OR suffix(t, ' ') THEN nullif(trim(t), '') ELSE nullif(t, '') END;
-- Dates as offices write them: 2024-03-05, 2024/3/5 (with or without a time), 2024年3月5日 (or 5号, or with spaces), 2024.3.5,
-- 20240305. The form is told by the fifth character before any parse: a failed cast or strptime
-- costs many times a successful one, and a chain of tries was most of an office import's time.
-- strptime reads a form it is told at a third of the cost of rebuilding the text for a cast.
-- office_date_text takes text already trimmed (the table files trim their date columns once, in a CTE
-- of their own: a macro repeats its argument, and trimming at each of the eight places cost more than
-- the parse); office_date trims too.
-- A year of two digits (73.9.9, 24-3-5) is not read: the cast and strptime take it as the year 0073, so
-- dates before 1800 are NULL (greatest() passes over a NULL, so the CASE is written, and run, once).
CREATE OR REPLACE TEMP MACRO office_date_text(x) AS nullif(greatest(CASE
  WHEN x IS NULL THEN NULL
  WHEN substr(x, 5, 1) IN ('-', '/') THEN TRY_CAST(x AS DATE)
  WHEN substr(x, 5, 1) = '年' THEN coalesce(try_strptime(x, '%Y年%m月%d日'), try_strptime(replace(replace(x, ' ', ''), '号', '日'), '%Y年%m月%d日'))::DATE
  WHEN substr(x, 5, 1) = '.' THEN try_strptime(x, '%Y.%m.%d')::DATE
  WHEN length(x) = 5 OR substr(x, 6, 1) = '.' THEN office_serial_date(x)
  WHEN length(x) = 8 THEN office_yyyymmdd(x)
  -- 2024 年 3 月 5 日, typed with spaces
  WHEN contains(x, '年') THEN try_strptime(replace(replace(x, ' ', ''), '号', '日'), '%Y年%m月%d日')::DATE
  ELSE TRY_CAST(x AS DATE) END, DATE '1799-12-31'), DATE '1799-12-31');
-- Excel's own day number (45356 = 2024-03-05), as a date cell formatted 常规 (General) saves it, with a
-- time as its fraction: days since 1899-12-30, five digits (1927–2173) and nothing else.
CREATE OR REPLACE TEMP MACRO office_serial_date(x) AS CASE WHEN left(x, 1) BETWEEN '1' AND '9' AND TRY_CAST(x AS DOUBLE) >= 10000 AND TRY_CAST(x AS DOUBLE) < 100000
  THEN DATE '1899-12-30' + floor(TRY_CAST(x AS DOUBLE))::INTEGER END;
-- 20240305 as a number (half the cost of strptime). A cast to INTEGER also takes '+', '_', '0x…' and
-- exponents, so the text must start with a digit 1–9 and the number reach 10000101: eight such
-- characters that are not eight digits give fewer digits, a hexadecimal '0', or a day of 00 (and years
-- before 1000, which no office writes, are not read in this form).
CREATE OR REPLACE TEMP MACRO office_yyyymmdd(x) AS CASE WHEN left(x, 1) BETWEEN '1' AND '9' AND TRY_CAST(x AS INTEGER) >= 10000101
  THEN TRY(make_date(TRY_CAST(x AS INTEGER) // 10000, TRY_CAST(x AS INTEGER) // 100 % 100, TRY_CAST(x AS INTEGER) % 100)) END;
CREATE OR REPLACE TEMP MACRO office_date(t) AS office_date_text(office_text(t));
-- Numbers, also with thousands separators as Excel shows them (1,234 and 12,345.6; not 1,23).
-- The text of a number without its separators (NULL when commas stand anywhere else), else the cell's text.
CREATE OR REPLACE TEMP MACRO office_numeral(t) AS CASE WHEN NOT contains(office_text(t), ',') THEN office_text(t)
  WHEN regexp_full_match(office_text(t), '[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?') THEN replace(office_text(t), ',', '') END;
CREATE OR REPLACE TEMP MACRO office_int(t) AS TRY_CAST(office_numeral(t) AS INTEGER);
CREATE OR REPLACE TEMP MACRO office_number(t) AS TRY_CAST(office_numeral(t) AS DOUBLE);
-- Text shaped as an ID number (15 digits, or 17 and a check character) replaced by a note, where a value
-- passes unread to the rules and the quarantine: a column mapped wrongly past the rows the mapping step
-- looked at. A regular expression, not office_record_id: its macros, nested in office_code's, made the
-- table files' expressions too large to plan in reasonable time (seconds a statement).
CREATE OR REPLACE TEMP MACRO office_not_id(x) AS CASE WHEN length(x) IN (15, 18) AND regexp_full_match(x, '[0-9]{15}|[0-9]{17}[0-9Xx]')
  THEN '（公民身份号码，不保存）' ELSE x END;
-- A value through its code table (a MAP); a value the table lacks passes unchanged, so the rules see it
-- (and quarantine keeps it), unless it is an ID number (looked at only for those: coalesce stops at the first).
CREATE OR REPLACE TEMP MACRO office_code(codes, t) AS CASE WHEN office_text(t) IS NULL THEN NULL ELSE coalesce(codes[office_text(t)], office_not_id(office_text(t))) END;
-- True when a cell holds text that could not be read as its column's type.
CREATE OR REPLACE TEMP MACRO office_unread(t, v) AS office_text(t) IS NOT NULL AND v IS NULL;
-- Division codes: a 12-digit 统计用区划代码 names its township by its first 9 digits.
-- Spaces out, full-width digits (typed with a Chinese input method) as digits, and a number's '.0' (a
-- code saved from a number cell by another program: 999901104015.0) dropped; looked at only when the
-- text has a space, ends in .0 or holds a character beyond ASCII.
CREATE OR REPLACE TEMP MACRO office_digits_clean(x) AS
  regexp_replace(translate(replace(x, ' ', ''), '０１２３４５６７８９', '0123456789'), '^([0-9]+)\.0$', '\1');
CREATE OR REPLACE TEMP MACRO office_digits(t) AS CASE
  WHEN contains(office_text(t), ' ') OR suffix(office_text(t), '.0') OR strlen(office_text(t)) <> length(office_text(t)) THEN office_digits_clean(office_text(t))
  ELSE office_text(t) END;
-- Other lengths pass for the rules to name (unknown_township), an ID number only as a note.
CREATE OR REPLACE TEMP MACRO office_township(t) AS CASE WHEN length(office_digits(t)) = 12 THEN left(office_digits(t), 9)
  WHEN length(office_digits(t)) IN (15, 18) THEN office_not_id(office_digits(t)) ELSE office_digits(t) END;
CREATE OR REPLACE TEMP MACRO office_village(t) AS CASE WHEN length(office_digits(t)) = 12 THEN office_digits(t) END;
-- Origin or destination of a migrant: a province (2 digits) or a county (6); longer codes are cut
-- to their county, and a province written as 6 digits (510000) to its 2.
CREATE OR REPLACE TEMP MACRO office_place(t) AS CASE
  WHEN length(office_digits(t)) >= 6 AND substr(office_digits(t), 3, 4) = '0000' THEN left(office_digits(t), 2)
  WHEN length(office_digits(t)) > 6 THEN left(office_digits(t), 6)
  ELSE office_digits(t) END;
-- Ages: 37, 37岁, 100岁及以上, 100+, 100以上, 100+岁, ≥100; 不满1岁, 未满1周岁, 1岁以下 are 0.
CREATE OR REPLACE TEMP MACRO office_age(t) AS coalesce(TRY_CAST(regexp_extract(office_text(t), '^(≥|>=)? *([0-9]+) *(岁|周岁)? *(及以上|以上|\+)? *(岁|周岁)?$', 2) AS INTEGER),
  CASE WHEN regexp_matches(office_text(t), '^((不满|未满|不足) *1 *周?岁|1 *周?岁以下)$') THEN 0 END);
-- A count as a table shows it: a dash is nought (Excel's accounting format shows 0 as -).
CREATE OR REPLACE TEMP MACRO office_count(t) AS CASE WHEN office_text(t) IN ('-', '－', '—', '–') THEN 0 ELSE office_int(t) END;
-- A total line of a population table (合计, 小计, 总计, 全县 in its year, township, sex or age column): no
-- record of its own — its people are in the other lines — so it is left out, and counted in the report.
-- Spaces may be full-width (合　计, as tables pad it). In a column read the words may stand with others
-- (乡镇合计); in any other column (a 村（居）委会 column saying 小计) only as the whole cell, so that a
-- village called 合计村 is no total. `line` is the line's cells joined by '|'.
CREATE OR REPLACE TEMP MACRO office_total_words() AS '(合|小|总)[ \x{3000}]*计';
CREATE OR REPLACE TEMP MACRO office_total_place() AS '全(县|区|市|旗|乡|镇)';
CREATE OR REPLACE TEMP MACRO office_total_line(a, b, c, d) AS regexp_matches(concat_ws('|', a, b, c, d),
  office_total_words() || '|(^|\|)[ \x{3000}]*' || office_total_place() || '[ \x{3000}]*(\||$)');
CREATE OR REPLACE TEMP MACRO office_total_cell(line) AS regexp_matches(line,
  '(^|\|)[ \x{3000}]*(' || office_total_words() || '|' || office_total_place() || '([ \x{3000}]*' || office_total_words() || ')?)[ \x{3000}]*(\||$)');
-- An open age group's first age (85岁及以上, 85+, ≥85, 85以上): the age, written with "and over"; NULL otherwise.
-- (The regex only where one of 上 + ≥ > is in the text: it ran on every age of a province's millions.)
CREATE OR REPLACE TEMP MACRO office_open_age(t) AS CASE WHEN contains(t, '上') OR contains(t, '+') OR contains(t, '≥') OR contains(t, '>')
  THEN CASE WHEN regexp_matches(office_text(t), '^(≥|>=)|(及以上|以上|\+) *(岁|周岁)?$') THEN office_age(t) END END;
-- Years: 2024, and 2024年, 2024年度, 2024年末 or ２０２４ as a population table's 年度 column may say (the second
-- form only when the first fails).
CREATE OR REPLACE TEMP MACRO office_year(t) AS coalesce(office_int(t),
  TRY_CAST(regexp_extract(translate(office_text(t), '０１２３４５６７８９', '0123456789'), '^([0-9]{4}) *(年(度|末|底)?)?$', 1) AS INTEGER));
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
-- number) → id_number (the body as one 64-bit number) → id_check_of and id_birth_of → id_status,
-- id_sex_of, id_key. Integer arithmetic on the number costs a fraction of substrings of the text.
-- Spaces removed and a lower-case x raised only where there are any (most numbers have neither).
CREATE OR REPLACE TEMP MACRO id_clean(t) AS CASE
  WHEN contains(office_text(t), ' ') OR suffix(office_text(t), 'x') THEN upper(replace(office_text(t), ' ', ''))
  ELSE office_text(t) END;
CREATE OR REPLACE TEMP MACRO id_length(i) AS CASE
  WHEN i IS NULL THEN NULL
  WHEN length(i) = 18 AND regexp_full_match(i, '[0-9]{17}[0-9X]') THEN 18
  WHEN length(i) = 15 AND regexp_full_match(i, '[0-9]{15}') THEN 15
  ELSE 0 END;
CREATE OR REPLACE TEMP MACRO id_body(i, len) AS CASE len WHEN 18 THEN left(i, 17) WHEN 15 THEN left(i, 6) || '19' || substr(i, 7, 9) END;
-- The check character: the body's digits weighted 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, summed, mod 11,
-- indexes '10X98765432'. The sum is taken by 3-digit blocks from the right (digits 15–17, 12–14, 9–11,
-- 6–8, 3–5, 1–2): each block's share (mod 11) for each of its 1,000 values is looked up in a list
-- made here, so a number costs six lookups instead of seventeen digits cut out by 64-bit division.
CREATE OR REPLACE TEMP MACRO id_block_shares(w1, w2, w3) AS
  (SELECT list((w1 * (v // 100) + w2 * (v // 10 % 10) + w3 * (v % 10)) % 11 ORDER BY v) FROM range(1000) t(v));
SET VARIABLE id_shares_15 = id_block_shares(8, 4, 2);
SET VARIABLE id_shares_12 = id_block_shares(9, 10, 5);
SET VARIABLE id_shares_9 = id_block_shares(6, 3, 7);
SET VARIABLE id_shares_6 = id_block_shares(4, 2, 1);
SET VARIABLE id_shares_3 = id_block_shares(10, 5, 8);
SET VARIABLE id_shares_1 = id_block_shares(0, 7, 9);
CREATE OR REPLACE TEMP MACRO id_check_of(n) AS substr('10X98765432', 1 + (
  getvariable('id_shares_15')[n % 1000 + 1] + getvariable('id_shares_12')[n // 1000 % 1000 + 1]
  + getvariable('id_shares_9')[n // 1000000 % 1000 + 1] + getvariable('id_shares_6')[n // 1000000000 % 1000 + 1]
  + getvariable('id_shares_3')[n // 1000000000000 % 1000 + 1] + getvariable('id_shares_1')[n // 1000000000000000 + 1]) % 11, 1);
CREATE OR REPLACE TEMP MACRO id_number(b) AS TRY_CAST(b AS BIGINT);
-- The birth date is digits 7–14 of the body: as integers from the number, a fraction of the cost of strptime.
CREATE OR REPLACE TEMP MACRO id_birth_of(n) AS TRY(make_date(n // 10000000 % 10000, n // 100000 % 100, n // 1000 % 100));
CREATE OR REPLACE TEMP MACRO id_sex_of(n) AS CASE WHEN n IS NULL THEN NULL WHEN n % 2 = 1 THEN 'M' ELSE 'F' END;
-- ok, or the first problem: excel_number (1.30524E+17: Excel saved the column as numbers), format,
-- check_digit, birth_date (not a calendar date). NULL without a number.
CREATE OR REPLACE TEMP MACRO id_status(i, len, check_char, born) AS CASE
  WHEN i IS NULL THEN NULL
  WHEN len = 0 THEN CASE WHEN regexp_full_match(i, '[0-9](\.[0-9]+)?E\+[0-9]+', 'i') THEN 'excel_number' ELSE 'format' END
  WHEN len = 18 AND check_char <> substr(i, 18, 1) THEN 'check_digit'
  WHEN born IS NULL THEN 'birth_date'
  ELSE 'ok' END;
-- The first problem among a row's ID numbers (ok when all are fine, NULL when it has none).
CREATE OR REPLACE TEMP MACRO id_worst(a, b) AS CASE
  WHEN a IS NULL THEN b WHEN b IS NULL THEN a WHEN a <> 'ok' THEN a ELSE b END;
-- Text shaped as an ID number: its format, and a calendar date where its birth date goes (the check
-- character not asked: a mistyped number is still somebody's).
CREATE OR REPLACE TEMP MACRO id_like(i) AS id_length(i) > 0 AND id_birth_of(id_number(id_body(i, id_length(i)))) IS NOT NULL;
-- A record number as the rules read it: an ID number in a record-number column (a column named 编号
-- holding 公民身份号码, past the rows the mapping step looked at) is kept only as a keyed hash ('#' and
-- 16 hex digits: duplicates still found), never as itself. Other numbers pass; only 15- and
-- 18-character ones are looked at. A line under the table in the record-number column (制表人：张三,,,,
-- as Excel saves it) is quarantined as a row without the rest, and keeps only its label (制表人：…),
-- not the name after it; only text with a character beyond ASCII is looked at.
CREATE OR REPLACE TEMP MACRO office_footer(x) AS strlen(x) <> length(x)
  AND regexp_matches(x, '^(制表|填表|填报|审核|审批|负责人|单位负责人|统计负责人|经办|联系人|联系电话|报告人|签字|签名)[^:：]{0,6}[:：]');
CREATE OR REPLACE TEMP MACRO office_record_id(t) AS CASE
  WHEN length(office_text(t)) IN (15, 18) AND id_like(id_clean(t)) THEN '#' || left(sha256(getvariable('office_secret') || id_clean(t)), 16)
  WHEN office_footer(office_text(t)) THEN regexp_extract(office_text(t), '^[^:：]+[:：]') || '…'
  ELSE office_text(t) END;
-- The keyed hash kept instead of the number where a rule reads one (deaths: the same person twice; the other
-- tables keep nothing of the number): 64 bits of SHA-256 over the key (office/codes: 128 bits of the
-- secret, so that key and number fit one 64-byte block of the hash, not two) and the 18-character form.
CREATE OR REPLACE TEMP MACRO id_key(b, check_char) AS left(sha256(getvariable('office_secret') || b || check_char), 16);
