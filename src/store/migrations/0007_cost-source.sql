-- The rollups gain a `source` column (in their keys), so collected and imported figures can be
-- told apart. Rollups are derived data: drop and recreate them empty, then mark every day so the
-- first read rebuilds them from cost_lines (copying the old rows could not fill `source`).
-- The triggers live on cost_lines and footprints and only mark days: they are untouched.
DROP TABLE `cost_daily`;--> statement-breakpoint
CREATE TABLE `cost_daily` (
	`day` text NOT NULL,
	`account_id` text NOT NULL,
	`service` text NOT NULL,
	`region` text NOT NULL,
	`pipeline` text NOT NULL,
	`source` text NOT NULL,
	`unblended_cost_usd` real NOT NULL,
	`amortized_cost_usd` real NOT NULL,
	`co2e_grams` real NOT NULL,
	`market_co2e_grams` real NOT NULL,
	`energy_kwh` real NOT NULL,
	`lines` integer NOT NULL,
	PRIMARY KEY(`day`, `account_id`, `service`, `region`, `pipeline`, `source`)
);
--> statement-breakpoint
DROP TABLE `cost_monthly`;--> statement-breakpoint
CREATE TABLE `cost_monthly` (
	`month` text NOT NULL,
	`account_id` text NOT NULL,
	`service` text NOT NULL,
	`region` text NOT NULL,
	`pipeline` text NOT NULL,
	`source` text NOT NULL,
	`unblended_cost_usd` real NOT NULL,
	`amortized_cost_usd` real NOT NULL,
	`co2e_grams` real NOT NULL,
	`market_co2e_grams` real NOT NULL,
	`energy_kwh` real NOT NULL,
	`lines` integer NOT NULL,
	PRIMARY KEY(`month`, `account_id`, `service`, `region`, `pipeline`, `source`)
);
--> statement-breakpoint
INSERT INTO `cost_rollup_dirty` (`day`) SELECT DISTINCT `day` FROM `cost_lines` WHERE true
  ON CONFLICT (`day`) DO NOTHING;
