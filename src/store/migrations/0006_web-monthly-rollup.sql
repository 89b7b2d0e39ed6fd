CREATE TABLE `cost_monthly` (
	`month` text NOT NULL,
	`account_id` text NOT NULL,
	`service` text NOT NULL,
	`region` text NOT NULL,
	`pipeline` text NOT NULL,
	`unblended_cost_usd` real NOT NULL,
	`amortized_cost_usd` real NOT NULL,
	`co2e_grams` real NOT NULL,
	`market_co2e_grams` real NOT NULL,
	`energy_kwh` real NOT NULL,
	`lines` integer NOT NULL,
	PRIMARY KEY(`month`, `account_id`, `service`, `region`, `pipeline`)
);
--> statement-breakpoint
-- Rebuild the daily rollup (and with it the monthly one) on the next read.
INSERT INTO `cost_rollup_dirty` (`day`) SELECT DISTINCT `day` FROM `cost_lines` WHERE true
  ON CONFLICT (`day`) DO NOTHING;
