CREATE TABLE `job_locks` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`holder_label` text NOT NULL,
	`acquired_at` text NOT NULL,
	`until` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `reports` ADD `sending_until` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `claim_token` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `message_id` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `lease_until` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `claim_token` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `message_id` text;--> statement-breakpoint
ALTER TABLE `collection_runs` ADD `lease_until` text;