CREATE TABLE `cost_daily` (
	`day` text NOT NULL,
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
	PRIMARY KEY(`day`, `account_id`, `service`, `region`, `pipeline`)
);
--> statement-breakpoint
CREATE TABLE `cost_rollup_dirty` (
	`day` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sign_in_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_failures_key_at` ON `sign_in_failures` (`key`,`at`);--> statement-breakpoint
-- Every write to a line or a footprint marks its day; the rollup recomputes marked days on read.
-- No INSERT OR IGNORE here: an outer UPSERT overrides a trigger's conflict clause (SQLite rule),
-- so each statement checks for the mark itself.
CREATE TRIGGER `cost_lines_mark_rollup_insert` AFTER INSERT ON `cost_lines`
BEGIN
  INSERT INTO `cost_rollup_dirty` (`day`) SELECT NEW.`day` WHERE NOT EXISTS (SELECT 1 FROM `cost_rollup_dirty` WHERE `day` = NEW.`day`);
END;
--> statement-breakpoint
CREATE TRIGGER `cost_lines_mark_rollup_update` AFTER UPDATE ON `cost_lines`
BEGIN
  INSERT INTO `cost_rollup_dirty` (`day`) SELECT NEW.`day` WHERE NOT EXISTS (SELECT 1 FROM `cost_rollup_dirty` WHERE `day` = NEW.`day`);
  INSERT INTO `cost_rollup_dirty` (`day`) SELECT OLD.`day` WHERE NOT EXISTS (SELECT 1 FROM `cost_rollup_dirty` WHERE `day` = OLD.`day`);
END;
--> statement-breakpoint
CREATE TRIGGER `cost_lines_mark_rollup_delete` AFTER DELETE ON `cost_lines`
BEGIN
  INSERT INTO `cost_rollup_dirty` (`day`) SELECT OLD.`day` WHERE NOT EXISTS (SELECT 1 FROM `cost_rollup_dirty` WHERE `day` = OLD.`day`);
END;
--> statement-breakpoint
CREATE TRIGGER `footprints_mark_rollup_insert` AFTER INSERT ON `footprints`
BEGIN
  INSERT INTO `cost_rollup_dirty` (`day`) SELECT l.`day` FROM `cost_lines` l WHERE l.`id` = NEW.`cost_line_id`
    AND NOT EXISTS (SELECT 1 FROM `cost_rollup_dirty` d WHERE d.`day` = l.`day`);
END;
--> statement-breakpoint
CREATE TRIGGER `footprints_mark_rollup_update` AFTER UPDATE ON `footprints`
BEGIN
  INSERT INTO `cost_rollup_dirty` (`day`) SELECT l.`day` FROM `cost_lines` l WHERE l.`id` = NEW.`cost_line_id`
    AND NOT EXISTS (SELECT 1 FROM `cost_rollup_dirty` d WHERE d.`day` = l.`day`);
END;
--> statement-breakpoint
CREATE TRIGGER `footprints_mark_rollup_delete` AFTER DELETE ON `footprints`
BEGIN
  INSERT INTO `cost_rollup_dirty` (`day`) SELECT l.`day` FROM `cost_lines` l WHERE l.`id` = OLD.`cost_line_id`
    AND NOT EXISTS (SELECT 1 FROM `cost_rollup_dirty` d WHERE d.`day` = l.`day`);
END;
--> statement-breakpoint
-- Databases that already hold lines get their rollup on the first read.
INSERT INTO `cost_rollup_dirty` (`day`) SELECT DISTINCT `day` FROM `cost_lines`;
