ALTER TABLE `officers` ADD `must_change_password` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `reports` ADD `unreported` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `reports_uscc_idx` ON `reports` (`uscc`);