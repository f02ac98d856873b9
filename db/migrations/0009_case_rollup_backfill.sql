-- Fills case_rollup from the cases (not follow-up reports) stored before it existed. Days are Beijing days
-- (UTC+8) since the epoch, as db/repo/stats.ts computes them for new cases. The table is new and empty here.
INSERT INTO `case_rollup` (`day`, `jurisdiction_id`, `dim`, `key`, `cases`)
  SELECT (`submitted_at` + 28800000) / 86400000, `jurisdiction_id`, 'all', '', count(*)
  FROM `reports` WHERE `case_id` IS NULL GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO `case_rollup` (`day`, `jurisdiction_id`, `dim`, `key`, `cases`)
  SELECT (`submitted_at` + 28800000) / 86400000, `jurisdiction_id`, 'industry', coalesce(`industry`, ''), count(*)
  FROM `reports` WHERE `case_id` IS NULL GROUP BY 1, 2, 4;
--> statement-breakpoint
INSERT INTO `case_rollup` (`day`, `jurisdiction_id`, `dim`, `key`, `cases`)
  SELECT (`submitted_at` + 28800000) / 86400000, `jurisdiction_id`, 'channel', `channel`, count(*)
  FROM `reports` WHERE `case_id` IS NULL GROUP BY 1, 2, 4;
--> statement-breakpoint
INSERT INTO `case_rollup` (`day`, `jurisdiction_id`, `dim`, `key`, `cases`)
  SELECT (r.`submitted_at` + 28800000) / 86400000, r.`jurisdiction_id`, 'item', i.`item`, count(*)
  FROM `report_items` i JOIN `reports` r ON r.`id` = i.`report_id` WHERE r.`case_id` IS NULL GROUP BY 1, 2, 4;
