-- Copy into a report sandbox: the townships in scope (codes, names, kinds).
SELECT code::VARCHAR, name::VARCHAR, county_code::VARCHAR, kind::VARCHAR, name_en::VARCHAR, area_km2::DOUBLE
FROM regions WHERE $all OR code IN (SELECT unnest($townships))
