DROP INDEX `reports_open_area_idx`;--> statement-breakpoint
DROP INDEX `reports_employer_open_idx`;--> statement-breakpoint
ALTER TABLE `reports` ADD `level_area_employer` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reports` ADD `level_area_people` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `reports_open_area_industry_idx` ON `reports` (`jurisdiction_id`,`industry`,`submitted_at`,`case_id`,`status`) WHERE case_id IS NULL AND status != 'closed';--> statement-breakpoint
CREATE INDEX `reports_open_area_idx` ON `reports` (`jurisdiction_id`,`submitted_at`,`industry`,`group_incident`,`level_area_employer`,`level_area_people`,`employer_id`,`people_involved`,`case_id`,`status`) WHERE case_id IS NULL AND status != 'closed';--> statement-breakpoint
CREATE INDEX `reports_employer_open_idx` ON `reports` (`employer_id`,`jurisdiction_id`,`submitted_at`,`id`,`people_involved`,`case_id`,`status`) WHERE case_id IS NULL AND status != 'closed';