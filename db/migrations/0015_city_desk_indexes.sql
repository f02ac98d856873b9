DROP INDEX `reports_case_idx`;--> statement-breakpoint
DROP INDEX `reports_status_due_idx`;--> statement-breakpoint
DROP INDEX `reports_window_idx`;--> statement-breakpoint
CREATE INDEX `reports_case_idx` ON `reports` (`case_id`) WHERE case_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `reports_status_due_idx` ON `reports` (`status`,`annex4_due_at`,`case_id`);--> statement-breakpoint
CREATE INDEX `reports_window_idx` ON `reports` (`submitted_at`,`case_id`,`status`,`jurisdiction_id`,`employer_id`,`industry`,`people_involved`,`group_incident`,`channel`);--> statement-breakpoint
CREATE INDEX `warning_decisions_decided_idx` ON `warning_decisions` (`decided_at`);