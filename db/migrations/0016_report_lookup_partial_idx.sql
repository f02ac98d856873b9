DROP INDEX `reports_uscc_idx`;--> statement-breakpoint
DROP INDEX `reports_name_key_idx`;--> statement-breakpoint
CREATE INDEX `reports_uscc_idx` ON `reports` (`uscc`) WHERE uscc IS NOT NULL;--> statement-breakpoint
CREATE INDEX `reports_name_key_idx` ON `reports` (`name_key`) WHERE name_key IS NOT NULL;