-- Records kept in quarantine per township whose event date lies in $first_day..$last_day (counts
-- only: the data-quality item of the assessment). The event is the birth, the registration, the
-- arrival or the death, as exported.
SELECT json_extract_string(record, '$.township_code') AS township, count(*)::INTEGER AS n
FROM quarantine
WHERE TRY_CAST(json_extract_string(record, CASE table_name
        WHEN 'births' THEN '$.birth_date' WHEN 'marriages' THEN '$.registration_date'
        WHEN 'migrants' THEN '$.arrival_date' ELSE '$.death_date' END) AS DATE)
      BETWEEN $first_day::DATE AND $last_day::DATE
GROUP BY ALL
ORDER BY ALL;
