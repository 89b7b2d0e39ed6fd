CREATE TABLE `incidents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`first_day` text NOT NULL,
	`last_day` text NOT NULL,
	`days` text NOT NULL,
	`service` text NOT NULL,
	`pipeline` text NOT NULL,
	`usage_type` text,
	`cost_usd` real NOT NULL,
	`expected_usd` real NOT NULL,
	`excess_usd` real NOT NULL,
	`drivers` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`note` text,
	`detected_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`acknowledged_by` text,
	`acknowledged_at` text,
	`resolved_by` text,
	`resolved_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incidents_key_unique` ON `incidents` (`key`);--> statement-breakpoint
CREATE INDEX `incidents_last_day` ON `incidents` (`last_day`);