CREATE TABLE `import_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`etag` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`imported_at` text NOT NULL,
	`focus_version` text NOT NULL,
	`billing_periods` text NOT NULL,
	`billing_account_ids` text NOT NULL,
	`rows` integer NOT NULL,
	`aws_rows` integer NOT NULL,
	`other_provider_rows` integer NOT NULL,
	`bad_rows` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_files_version` ON `import_files` (`name`,`etag`);--> statement-breakpoint
CREATE TABLE `import_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`billing_account_id` text NOT NULL,
	`billing_period` text NOT NULL,
	`day` text NOT NULL,
	`account_id` text NOT NULL,
	`service` text NOT NULL,
	`region` text NOT NULL,
	`usage_type` text NOT NULL,
	`pipeline` text NOT NULL,
	`usage_unit` text NOT NULL,
	`unblended_cost_usd` real NOT NULL,
	`amortized_cost_usd` real NOT NULL,
	`usage_amount` real NOT NULL,
	`rows` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `import_lines_export` ON `import_lines` (`billing_account_id`,`billing_period`);--> statement-breakpoint
CREATE INDEX `import_lines_day` ON `import_lines` (`day`);--> statement-breakpoint
CREATE TABLE `import_other_providers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`billing_account_id` text NOT NULL,
	`billing_period` text NOT NULL,
	`provider` text NOT NULL,
	`currency` text NOT NULL,
	`rows` integer NOT NULL,
	`billed_cost` real NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_other_providers_key` ON `import_other_providers` (`billing_account_id`,`billing_period`,`provider`,`currency`);