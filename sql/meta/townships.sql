-- Townships of the ingested regions table, for /api/meta and every township picker.
SELECT code, name, kind, county_code, coalesce(name_en, '') AS name_en, area_km2
FROM regions ORDER BY code;
