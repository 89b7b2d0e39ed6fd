CREATE TABLE `forecasts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`month` text NOT NULL,
	`source` text NOT NULL,
	`method` text NOT NULL,
	`as_of_day` text NOT NULL,
	`month_to_date_usd` real NOT NULL,
	`remaining_usd` real NOT NULL,
	`total_usd` real NOT NULL,
	`remaining_lower_usd` real,
	`remaining_upper_usd` real,
	`run_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `collection_runs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `forecasts_month_created` ON `forecasts` (`month`,`created_at`);