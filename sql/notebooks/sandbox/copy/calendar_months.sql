-- Copy into a report sandbox: the months the data covers.
SELECT month::DATE FROM calendar_months
