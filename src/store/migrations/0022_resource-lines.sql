CREATE TABLE `resource_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`billing_account_id` text NOT NULL,
	`billing_period` text NOT NULL,
	`day` text NOT NULL,
	`resource_id` text NOT NULL,
	`account_id` text NOT NULL,
	`service` text NOT NULL,
	`region` text NOT NULL,
	`usage_type` text NOT NULL,
	`pipeline` text NOT NULL,
	`usage_unit` text NOT NULL,
	`unblended_cost_usd` real NOT NULL,
	`amortized_cost_usd` real NOT NULL,
	`usage_amount` real NOT NULL,
	`source` text NOT NULL,
	`energy_kwh` real DEFAULT 0 NOT NULL,
	`co2e_grams` real DEFAULT 0 NOT NULL,
	`embodied_co2e_grams` real DEFAULT 0 NOT NULL,
	`counted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `resource_lines_export` ON `resource_lines` (`billing_account_id`,`billing_period`);--> statement-breakpoint
CREATE INDEX `resource_lines_resource_day` ON `resource_lines` (`resource_id`,`day`);--> statement-breakpoint
CREATE INDEX `resource_lines_day` ON `resource_lines` (`day`,`account_id`);--> statement-breakpoint
CREATE TABLE `resource_months` (
	`month` text NOT NULL,
	`resource_id` text NOT NULL,
	`pipeline` text NOT NULL,
	`unblended_cost_usd` real NOT NULL,
	`amortized_cost_usd` real NOT NULL,
	`co2e_grams` real NOT NULL,
	`first_day` text NOT NULL,
	`last_day` text NOT NULL,
	PRIMARY KEY(`month`, `resource_id`, `pipeline`)
);
--> statement-breakpoint
CREATE INDEX `resource_months_resource` ON `resource_months` (`resource_id`,`month`);--> statement-breakpoint
CREATE INDEX `resource_months_cover` ON `resource_months` (`month`,`resource_id`,`pipeline`,`unblended_cost_usd`,`amortized_cost_usd`,`co2e_grams`);--> statement-breakpoint
CREATE TABLE `resources` (
	`resource_id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`service` text NOT NULL,
	`region` text NOT NULL,
	`tags` text NOT NULL,
	`seen_on` text NOT NULL,
	`first_day` text,
	`last_day` text
);
--> statement-breakpoint
CREATE INDEX `resources_first_day` ON `resources` (`first_day`);--> statement-breakpoint
CREATE INDEX `resources_last_day` ON `resources` (`last_day`);