CREATE TABLE `organization_accounts` (
	`account_id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`fetched_at` text NOT NULL
);
