-- resource_days and resource_month_sums are WITHOUT ROWID (by hand: drizzle cannot declare it):
-- their rows live in the primary key's b-tree, which covers the Resources page's reads.
CREATE TABLE `resource_days` (
	`day` text NOT NULL,
	`resource_id` text NOT NULL,
	`pipeline` text NOT NULL,
	`cum_unblended_cost_usd` real NOT NULL,
	`cum_amortized_cost_usd` real NOT NULL,
	`cum_co2e_grams` real NOT NULL,
	`cum_lines` integer NOT NULL,
	`next_day` text,
	PRIMARY KEY(`day`, `pipeline`, `resource_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `resource_month_sums` (
	`month` text NOT NULL,
	`resource_id` text NOT NULL,
	`pipeline` text NOT NULL,
	`cum_unblended_cost_usd` real NOT NULL,
	`cum_amortized_cost_usd` real NOT NULL,
	`cum_co2e_grams` real NOT NULL,
	`cum_lines` integer NOT NULL,
	`last_month` text NOT NULL,
	`next_month` text,
	PRIMARY KEY(`month`, `pipeline`, `resource_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `resource_month_sums_last` ON `resource_month_sums` (`month`,`pipeline`,`resource_id`,`cum_unblended_cost_usd`,`cum_amortized_cost_usd`,`cum_co2e_grams`,`cum_lines`,`last_month`) WHERE "resource_month_sums"."month" = "resource_month_sums"."last_month";--> statement-breakpoint
CREATE INDEX `resource_month_sums_resource` ON `resource_month_sums` (`resource_id`,`pipeline`);--> statement-breakpoint
ALTER TABLE `resource_months` ADD `lines` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `resource_months_covering` ON `resource_months` (`month`,`pipeline`,`resource_id`,`unblended_cost_usd`,`amortized_cost_usd`,`co2e_grams`,`lines`,`last_day`);--> statement-breakpoint
DROP INDEX IF EXISTS `resource_months_cover`;--> statement-breakpoint
INSERT OR IGNORE INTO `cost_rollup_dirty` (`day`) SELECT DISTINCT `day` FROM `resource_lines`;
