CREATE TABLE `case_counts` (
	`scope` text NOT NULL,
	`day` integer NOT NULL,
	`counts` text NOT NULL,
	PRIMARY KEY(`scope`, `day`)
);
--> statement-breakpoint
CREATE TABLE `open_case_counts` (
	`jurisdiction_id` text NOT NULL,
	`status` text NOT NULL,
	`urgency` text NOT NULL,
	`cases` integer NOT NULL,
	PRIMARY KEY(`jurisdiction_id`, `status`, `urgency`)
);
--> statement-breakpoint
DROP INDEX `reports_open_idx`;--> statement-breakpoint
CREATE INDEX `reports_area_due_idx` ON `reports` (`jurisdiction_id`,`status`,`annex4_due_at`,`case_id`) WHERE case_id IS NULL;