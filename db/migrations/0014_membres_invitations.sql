CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`token_hash` text NOT NULL,
	`invited_by` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`revoked_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_hash_unique` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitations_organisation` ON `invitations` (`organisation_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `role` text DEFAULT 'membre' NOT NULL;--> statement-breakpoint
-- Backfill: the first validated active user of each organisation (oldest validated_at, else created_at) is its
-- administrateur, every other user a membre (the column's default).
UPDATE `users` SET `role` = 'administrateur'
 WHERE `status` = 'active'
   AND `id` = (SELECT `u`.`id` FROM `users` AS `u`
                WHERE `u`.`organisation_id` = `users`.`organisation_id` AND `u`.`status` = 'active'
                ORDER BY coalesce(`u`.`validated_at`, `u`.`created_at`), `u`.`created_at`, `u`.`id`
                LIMIT 1);
