-- One incident, one case: reports stored before name_key existed get it, so a new report on the same
-- employer (no USCC) finds their open case. Same normalisation as employerKey(): no whitespace, full-width
-- brackets as half-width, lower case (SQLite's lower() folds ASCII only, which covers typed Latin names).
UPDATE `reports` SET `name_key` = `jurisdiction_id` || ':' || lower(
  replace(replace(replace(replace(replace(replace(`unit_name`, ' ', ''), char(12288), ''), char(9), ''), '（', '('), '）', ')'), char(10), '')
) WHERE `name_key` IS NULL;
