CREATE TABLE `accountability_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`entry_id` text NOT NULL,
	`kind` text NOT NULL,
	`taken_on` text NOT NULL,
	`taken_by` text NOT NULL,
	`note` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `accountability_actions_entry_idx` ON `accountability_actions` (`entry_id`,`taken_on`);