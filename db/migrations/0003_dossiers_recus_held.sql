-- Custom migration (a column, a backfill of existing rows, a partial index): hand-written; the column and the index
-- are described in db/schema.ts too.
-- Held records belong to the key that pushed them (SPEC §4.6): only the confirmed key's are applied, a replaced,
-- refused or revoked key's are discarded. The partial index serves every held lookup (by key) without touching
-- the far more numerous applied rows.
ALTER TABLE `dossiers_recus` ADD `held_key_id` text;
--> statement-breakpoint
UPDATE `dossiers_recus` SET `held_key_id` = (SELECT `api_key_id` FROM `transmissions` t WHERE t.`id` = `dossiers_recus`.`transmission_id`)
 WHERE `outcome` = 'held';
--> statement-breakpoint
CREATE INDEX `dossiers_recus_held` ON `dossiers_recus` (`held_key_id`) WHERE `outcome` = 'held';
