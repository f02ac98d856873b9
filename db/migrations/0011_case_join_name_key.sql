DROP INDEX `reports_window_idx`;--> statement-breakpoint
ALTER TABLE `reports` ADD `name_key` text;--> statement-breakpoint
CREATE INDEX `reports_name_key_idx` ON `reports` (`name_key`);--> statement-breakpoint
CREATE INDEX `reports_window_idx` ON `reports` (`submitted_at`,`case_id`,`status`,`jurisdiction_id`,`employer_id`,`industry`,`people_involved`,`group_incident`);