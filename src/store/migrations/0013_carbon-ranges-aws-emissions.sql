CREATE TABLE `aws_carbon_emissions` (
	`month` text NOT NULL,
	`usage_account_id` text NOT NULL,
	`product_code` text NOT NULL,
	`region_code` text NOT NULL,
	`payer_account_id` text NOT NULL,
	`location` text NOT NULL,
	`model_version` text NOT NULL,
	`location_co2e_grams` real NOT NULL,
	`market_co2e_grams` real NOT NULL,
	`last_refresh` text NOT NULL,
	`import_file` text NOT NULL,
	`imported_at` text NOT NULL,
	PRIMARY KEY(`month`, `usage_account_id`, `product_code`, `region_code`)
);
--> statement-breakpoint
ALTER TABLE `footprints` ADD `energy_kwh_low` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `footprints` ADD `energy_kwh_high` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `footprints` ADD `co2e_grams_low` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `footprints` ADD `co2e_grams_high` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cost_daily` ADD `co2e_grams_low` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cost_daily` ADD `co2e_grams_high` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cost_monthly` ADD `co2e_grams_low` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cost_monthly` ADD `co2e_grams_high` real DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Footprints written before ranges existed have no range of their own: low = high = central
-- until they are estimated again, and every day is marked so the rollups carry the range.
UPDATE `footprints` SET `energy_kwh_low` = `energy_kwh`, `energy_kwh_high` = `energy_kwh`, `co2e_grams_low` = `co2e_grams`, `co2e_grams_high` = `co2e_grams`;--> statement-breakpoint
INSERT OR IGNORE INTO `cost_rollup_dirty` (`day`) SELECT DISTINCT `day` FROM `cost_lines`;
