CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`last_used_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `currency_rates` (
	`month` text NOT NULL,
	`currency` text NOT NULL,
	`rate_per_usd` real NOT NULL,
	`source` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`month`, `currency`)
);
--> statement-breakpoint
CREATE TABLE `cairn_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`period` text NOT NULL,
	`lang` text NOT NULL,
	`subject` text NOT NULL,
	`html` text NOT NULL,
	`text` text NOT NULL,
	`pdf` blob,
	`provisional` integer NOT NULL,
	`created_at` text NOT NULL,
	`sent_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_kind_period_lang` ON `reports` (`kind`,`period`,`lang`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`csrf_token` text NOT NULL,
	`expires_at` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `budgets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`amount` real NOT NULL,
	`currency` text NOT NULL,
	`period_kind` text NOT NULL,
	`custom_from` text,
	`custom_to` text,
	`scope_kind` text NOT NULL,
	`scope_value` text DEFAULT '' NOT NULL,
	`thresholds` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `budgets_name_unique` ON `budgets` (`name`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`channel` text NOT NULL,
	`kind` text NOT NULL,
	`recipients` text NOT NULL,
	`subject` text NOT NULL,
	`body_text` text NOT NULL,
	`body_html` text,
	`payload` text,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` text NOT NULL,
	`sent_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_key_channel` ON `notifications` (`key`,`channel`);--> statement-breakpoint
CREATE INDEX `notifications_status` ON `notifications` (`status`);--> statement-breakpoint
CREATE TABLE `planned_activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`from_day` text NOT NULL,
	`to_day` text NOT NULL,
	`scope_kind` text DEFAULT 'all' NOT NULL,
	`scope_value` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `cost_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`day` text NOT NULL,
	`account_id` text NOT NULL,
	`service` text NOT NULL,
	`region` text NOT NULL,
	`usage_type` text NOT NULL,
	`pipeline` text DEFAULT '' NOT NULL,
	`unblended_cost_usd` real NOT NULL,
	`amortized_cost_usd` real NOT NULL,
	`usage_amount` real NOT NULL,
	`usage_unit` text NOT NULL,
	`estimated` integer NOT NULL,
	`source` text NOT NULL,
	`collected_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cost_lines_natural_key` ON `cost_lines` (`day`,`account_id`,`service`,`region`,`usage_type`,`pipeline`);--> statement-breakpoint
CREATE INDEX `cost_lines_day` ON `cost_lines` (`day`);--> statement-breakpoint
CREATE TABLE `footprints` (
	`cost_line_id` integer PRIMARY KEY NOT NULL,
	`usage_class` text NOT NULL,
	`method` text NOT NULL,
	`factor_set` text NOT NULL,
	`energy_kwh` real NOT NULL,
	`cpu_kwh` real NOT NULL,
	`memory_kwh` real NOT NULL,
	`storage_kwh` real NOT NULL,
	`network_kwh` real NOT NULL,
	`gpu_kwh` real NOT NULL,
	`co2e_grams` real NOT NULL,
	`market_co2e_grams` real NOT NULL,
	`embodied_co2e_grams` real NOT NULL,
	`reason` text NOT NULL,
	`fallback` text,
	`utilisation` real,
	FOREIGN KEY (`cost_line_id`) REFERENCES `cost_lines`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `api_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer,
	`api` text NOT NULL,
	`operation` text NOT NULL,
	`units` integer NOT NULL,
	`cost_usd` real NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `collection_runs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `api_requests_api_at` ON `api_requests` (`api`,`at`);--> statement-breakpoint
CREATE TABLE `collection_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`status` text NOT NULL,
	`from_day` text,
	`to_day` text,
	`requests` integer DEFAULT 0 NOT NULL,
	`request_cost_usd` real DEFAULT 0 NOT NULL,
	`rows_written` integer DEFAULT 0 NOT NULL,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `collection_runs_source_started` ON `collection_runs` (`source`,`started_at`);