ALTER TABLE `budgets` ADD `updated_by` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `budgets` ADD `updated_at` text;