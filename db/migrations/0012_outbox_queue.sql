ALTER TABLE `outbox_emails` ADD `status` text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox_emails` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox_emails` ADD `next_attempt_at` text;--> statement-breakpoint
ALTER TABLE `outbox_emails` ADD `last_error` text;--> statement-breakpoint
ALTER TABLE `outbox_emails` ADD `provider_message_id` text;--> statement-breakpoint
CREATE INDEX `outbox_emails_a_envoyer` ON `outbox_emails` (`status`,`next_attempt_at`);