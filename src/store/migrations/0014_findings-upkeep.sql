CREATE TABLE `finding_states` (
	`finding_id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`snoozed_until` text,
	`reason` text,
	`done_on` text,
	`snapshot` text NOT NULL,
	`changed_by` text NOT NULL,
	`changed_at` text NOT NULL,
	`realised` text
);
--> statement-breakpoint
CREATE TABLE `upkeep_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`day` text NOT NULL,
	`pipeline` text DEFAULT '' NOT NULL,
	`resource` text DEFAULT '' NOT NULL,
	`hours` real NOT NULL,
	`person` text NOT NULL,
	`what` text NOT NULL,
	`volunteered` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `upkeep_rates` (
	`person` text PRIMARY KEY NOT NULL,
	`hour_value_usd` real NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL
);
