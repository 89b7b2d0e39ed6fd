-- One authoritative source per account and day (issue 20). The source joins the cost lines'
-- natural key, so a Cost Explorer line and a FOCUS line of the same day are both kept;
-- cost_source_days records which one counts. Every day is marked so the first refresh builds
-- cost_source_days and rebuilds the rollups with only the counted lines.
CREATE TABLE `cost_source_days` (
	`day` text NOT NULL,
	`account_id` text NOT NULL,
	`source` text NOT NULL,
	`unblended_cost_usd` real NOT NULL,
	`amortized_cost_usd` real NOT NULL,
	`lines` integer NOT NULL,
	`rank` integer NOT NULL,
	`counted` integer NOT NULL,
	PRIMARY KEY(`day`, `account_id`, `source`)
);
--> statement-breakpoint
CREATE INDEX `cost_source_days_account` ON `cost_source_days` (`account_id`,`day`);--> statement-breakpoint
DROP INDEX `cost_lines_natural_key`;--> statement-breakpoint
CREATE UNIQUE INDEX `cost_lines_natural_key` ON `cost_lines` (`day`,`account_id`,`service`,`region`,`usage_type`,`pipeline`,`source`);--> statement-breakpoint
INSERT INTO `cost_rollup_dirty` (`day`) SELECT DISTINCT `day` FROM `cost_lines` WHERE true
  ON CONFLICT (`day`) DO NOTHING;
