ALTER TABLE `outbox` ADD `priority` integer DEFAULT 2 NOT NULL;--> statement-breakpoint
CREATE INDEX `outbox_queue_idx` ON `outbox` (`state`,`priority`,`next_attempt_at`);