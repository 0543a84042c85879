-- The value code tables (server/office/codes.ts plus the profile's values:) as MAPs for office_code().
-- The ID-number hash's key: the secret's first 32 hex characters (128 bits; see id_key in office/macros).
SET VARIABLE office_secret = left($secret, 32);
SET VARIABLE codes_sex = MAP($sex_keys, $sex_values);
SET VARIABLE codes_marital_status = MAP($marital_status_keys, $marital_status_values);
SET VARIABLE codes_prior_status = MAP($prior_status_keys, $prior_status_values);
SET VARIABLE codes_residence = MAP($residence_keys, $residence_values);
SET VARIABLE codes_policy_status = MAP($policy_status_keys, $policy_status_values);
SET VARIABLE codes_direction = MAP($direction_keys, $direction_values);
SET VARIABLE codes_yes_no = MAP($yes_no_keys, $yes_no_values);
SET VARIABLE codes_delivery_place = MAP($delivery_place_keys, $delivery_place_values);
SET VARIABLE codes_region_kind = MAP($region_kind_keys, $region_kind_values);
SET VARIABLE codes_birth_order = MAP($birth_order_keys, $birth_order_values);
SET VARIABLE codes_plurality = MAP($plurality_keys, $plurality_values);
