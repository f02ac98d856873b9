CREATE TABLE `api_tokens` (
	`name` text PRIMARY KEY NOT NULL,
	`token` text NOT NULL,
	`expires_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `reports` ADD `caller_phone` text;--> statement-breakpoint
CREATE INDEX `reports_reporter_chat_idx` ON `reports` (`reporter_chat`,`submitted_at`);