-- Copy into a report sandbox: the year-ends each population source has.
SELECT residence::VARCHAR, years::INTEGER[] FROM year_ends
