CREATE TABLE `annex4` (
	`report_id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	`submitted_at` integer
);
--> statement-breakpoint
CREATE TABLE `chat_prefs` (
	`chat_key` text PRIMARY KEY NOT NULL,
	`locale` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `employers` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`uscc` text,
	`name` text NOT NULL,
	`jurisdiction_id` text NOT NULL,
	`legal_rep` text,
	`industry` text,
	`headcount` integer,
	`address` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `employers_key_uq` ON `employers` (`key`);--> statement-breakpoint
CREATE INDEX `employers_name_idx` ON `employers` (`name`);--> statement-breakpoint
CREATE TABLE `inbound_events` (
	`key` text PRIMARY KEY NOT NULL,
	`response` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `intake_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`channel` text NOT NULL,
	`chat_key` text,
	`state` text NOT NULL,
	`version` integer NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`report_id` text,
	`receipt` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drafts_chat_key_uq` ON `intake_drafts` (`chat_key`);--> statement-breakpoint
CREATE INDEX `drafts_expires_idx` ON `intake_drafts` (`expires_at`);--> statement-breakpoint
CREATE TABLE `jurisdictions` (
	`id` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`kind` text NOT NULL,
	`receiving_dept_name` text NOT NULL,
	`receiving_dept_phone` text NOT NULL,
	`sort` integer NOT NULL,
	`updated_at` integer
);
--> statement-breakpoint
CREATE TABLE `login_attempts` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`window_start` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE TABLE `notify_channels` (
	`id` text PRIMARY KEY NOT NULL,
	`jurisdiction_id` text,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`target` text NOT NULL,
	`secret` text,
	`locale` text DEFAULT 'zh' NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `notify_channels_jurisdiction_idx` ON `notify_channels` (`jurisdiction_id`);--> statement-breakpoint
CREATE TABLE `officer_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`officer_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `officer_sessions_officer_idx` ON `officer_sessions` (`officer_id`);--> statement-breakpoint
CREATE TABLE `officers` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`jurisdiction_id` text,
	`password_hash` text NOT NULL,
	`phone` text,
	`telegram_user_id` text,
	`link_code` text,
	`link_code_expires_at` integer,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `officers_username_uq` ON `officers` (`username`);--> statement-breakpoint
CREATE UNIQUE INDEX `officers_telegram_uq` ON `officers` (`telegram_user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `officers_link_code_uq` ON `officers` (`link_code`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`report_id` text,
	`channel_id` text,
	`payload` text NOT NULL,
	`dedupe_key` text,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_owner` text,
	`lease_until` integer,
	`last_error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe_uq` ON `outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `outbox_report_idx` ON `outbox` (`report_id`);--> statement-breakpoint
CREATE TABLE `report_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` text,
	`at` integer NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text,
	`type` text NOT NULL,
	`data` text
);
--> statement-breakpoint
CREATE INDEX `report_events_report_idx` ON `report_events` (`report_id`,`at`);--> statement-breakpoint
CREATE TABLE `report_items` (
	`report_id` text NOT NULL,
	`item` text NOT NULL,
	`submitted_at` integer NOT NULL,
	PRIMARY KEY(`report_id`, `item`)
);
--> statement-breakpoint
CREATE INDEX `report_items_item_idx` ON `report_items` (`item`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`receipt` text NOT NULL,
	`draft_id` text,
	`employer_id` text NOT NULL,
	`jurisdiction_id` text NOT NULL,
	`channel` text NOT NULL,
	`locale` text DEFAULT 'zh' NOT NULL,
	`unit_name` text NOT NULL,
	`uscc` text,
	`industry` text,
	`reporter_name` text NOT NULL,
	`reporter_phone` text NOT NULL,
	`reporter_chat` text,
	`answers` text NOT NULL,
	`items` text NOT NULL,
	`assessment` text NOT NULL,
	`ruleset_version` text NOT NULL,
	`severity` text NOT NULL,
	`urgency` text NOT NULL,
	`late` integer DEFAULT false NOT NULL,
	`late_hours` integer,
	`people_involved` integer,
	`group_incident` integer DEFAULT false NOT NULL,
	`event_at` integer,
	`submitted_at` integer NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`claimed_by` text,
	`claimed_at` integer,
	`annex4_due_at` integer NOT NULL,
	`closed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_receipt_uq` ON `reports` (`receipt`);--> statement-breakpoint
CREATE UNIQUE INDEX `reports_draft_uq` ON `reports` (`draft_id`);--> statement-breakpoint
CREATE INDEX `reports_jurisdiction_submitted_idx` ON `reports` (`jurisdiction_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `reports_status_due_idx` ON `reports` (`status`,`annex4_due_at`);--> statement-breakpoint
CREATE INDEX `reports_submitted_idx` ON `reports` (`submitted_at`);--> statement-breakpoint
CREATE INDEX `reports_employer_idx` ON `reports` (`employer_id`);--> statement-breakpoint
CREATE TABLE `warning_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`suggested_level` integer NOT NULL,
	`decided_level` integer NOT NULL,
	`reasons` text NOT NULL,
	`note` text,
	`decided_by` text NOT NULL,
	`decided_at` integer NOT NULL
);
