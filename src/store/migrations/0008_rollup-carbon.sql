ALTER TABLE `cost_daily` ADD `embodied_co2e_grams` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cost_daily` ADD `physical_abs_usd` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cost_daily` ADD `proxy_abs_usd` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cost_daily` ADD `excluded_abs_usd` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cost_daily` ADD `unestimated_abs_usd` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cost_monthly` ADD `embodied_co2e_grams` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cost_monthly` ADD `physical_abs_usd` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cost_monthly` ADD `proxy_abs_usd` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cost_monthly` ADD `excluded_abs_usd` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cost_monthly` ADD `unestimated_abs_usd` real DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Existing rollup rows have no embodied CO2e or coverage yet: mark every day so the next read
-- recomputes them.
INSERT OR IGNORE INTO `cost_rollup_dirty` (`day`) SELECT DISTINCT `day` FROM `cost_lines`;
