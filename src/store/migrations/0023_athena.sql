CREATE TABLE `athena_cache` (
	`query_text` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`billing_periods` text NOT NULL,
	`created_at` text NOT NULL,
	`payload` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `athena_cache_periods` ON `athena_cache` (`billing_periods`);--> statement-breakpoint
CREATE TABLE `athena_queries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer,
	`purpose` text NOT NULL,
	`billing_periods` text NOT NULL,
	`query_execution_id` text,
	`started_at` text NOT NULL,
	`finished_at` text,
	`state` text NOT NULL,
	`bytes_scanned` integer DEFAULT 0 NOT NULL,
	`cost_usd` real DEFAULT 0 NOT NULL,
	`estimated_cost_usd` real DEFAULT 0 NOT NULL,
	`error` text,
	FOREIGN KEY (`run_id`) REFERENCES `collection_runs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `athena_queries_started` ON `athena_queries` (`started_at`);--> statement-breakpoint
CREATE INDEX `athena_queries_purpose` ON `athena_queries` (`purpose`,`billing_periods`);