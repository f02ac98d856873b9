CREATE TABLE `host_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `reports` ADD `anonymised_at` integer;--> statement-breakpoint
CREATE INDEX `reports_closed_idx` ON `reports` (`status`,`closed_at`);