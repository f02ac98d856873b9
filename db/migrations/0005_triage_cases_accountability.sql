CREATE TABLE `accountability_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`employer_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`reason` text NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accountability_case_kind_uq` ON `accountability_entries` (`case_id`,`kind`);--> statement-breakpoint
CREATE INDEX `accountability_status_idx` ON `accountability_entries` (`status`,`decided_at`);--> statement-breakpoint
CREATE INDEX `accountability_employer_idx` ON `accountability_entries` (`employer_id`);--> statement-breakpoint
ALTER TABLE `reports` ADD `case_id` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `source` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `employer_reported_at` integer;--> statement-breakpoint
CREATE INDEX `reports_employer_case_idx` ON `reports` (`employer_id`,`case_id`,`status`);--> statement-breakpoint
CREATE INDEX `reports_case_idx` ON `reports` (`case_id`);