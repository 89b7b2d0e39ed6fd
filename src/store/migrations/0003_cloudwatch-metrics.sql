CREATE TABLE `metric_days` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`day` text NOT NULL,
	`region` text NOT NULL,
	`namespace` text NOT NULL,
	`metric_name` text NOT NULL,
	`stat` text NOT NULL,
	`dimensions` text NOT NULL,
	`resource_id` text NOT NULL,
	`instance_type` text,
	`unit` text NOT NULL,
	`average` real NOT NULL,
	`minimum` real NOT NULL,
	`maximum` real NOT NULL,
	`sum` real NOT NULL,
	`samples` integer NOT NULL,
	`samples_at_minimum` integer NOT NULL,
	`partial` integer NOT NULL,
	`run_id` integer,
	`collected_at` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `collection_runs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `metric_days_natural_key` ON `metric_days` (`day`,`region`,`namespace`,`metric_name`,`stat`,`dimensions`);--> statement-breakpoint
CREATE INDEX `metric_days_metric_day` ON `metric_days` (`namespace`,`metric_name`,`day`);