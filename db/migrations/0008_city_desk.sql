CREATE TABLE `case_rollup` (
	`day` integer NOT NULL,
	`jurisdiction_id` text NOT NULL,
	`dim` text NOT NULL,
	`key` text NOT NULL,
	`cases` integer NOT NULL,
	PRIMARY KEY(`day`, `jurisdiction_id`, `dim`, `key`)
);
--> statement-breakpoint
CREATE TABLE `major_risks` (
	`report_id` text PRIMARY KEY NOT NULL,
	`tracker_name` text NOT NULL,
	`tracker_phone` text,
	`note` text,
	`marked_by` text NOT NULL,
	`marked_at` integer NOT NULL,
	`interval_days` integer NOT NULL,
	`next_follow_up_at` integer NOT NULL,
	`reminders` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `major_risks_next_idx` ON `major_risks` (`next_follow_up_at`);--> statement-breakpoint
CREATE TABLE `period_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`from_day` text NOT NULL,
	`to_day` text NOT NULL,
	`doc_number` text NOT NULL,
	`analysis` text NOT NULL,
	`next_steps` text NOT NULL,
	`figures` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `period_reports_created_idx` ON `period_reports` (`created_at`);--> statement-breakpoint
ALTER TABLE `annex4` ADD `reviewed_at` integer;--> statement-breakpoint
ALTER TABLE `annex4` ADD `reviewed_by` text;--> statement-breakpoint
ALTER TABLE `annex4` ADD `review_note` text;--> statement-breakpoint
ALTER TABLE `notify_channels` ADD `recipient` text DEFAULT 'office' NOT NULL;--> statement-breakpoint
ALTER TABLE `warning_decisions` ADD `action` text DEFAULT 'recorded' NOT NULL;--> statement-breakpoint
ALTER TABLE `warning_decisions` ADD `recipients` text;--> statement-breakpoint
ALTER TABLE `warning_decisions` ADD `sent_at` integer;--> statement-breakpoint
ALTER TABLE `warning_decisions` ADD `sent_to` text;--> statement-breakpoint
CREATE INDEX `reports_open_idx` ON `reports` (`status`,`jurisdiction_id`,`urgency`,`annex4_due_at`,`case_id`);