-- Custom migration (indexes, and a merge of duplicate rows before the unique index): hand-written; the indexes are
-- described in db/schema.ts too.
-- Users are listed per organisation (colleagues, pending accounts, validators).
CREATE INDEX `users_organisation` ON `users` (`organisation_id`);
--> statement-breakpoint
-- One organisation per organisme: two simultaneous sign-ups could each create one, and colleagues would not see
-- each other's accounts. Duplicates already there are merged into the oldest before the index forbids new ones.
UPDATE `users` SET `organisation_id` = (
  SELECT k.`id` FROM `organisations` d JOIN `organisations` k ON k.`type` = 'ORGANISME_FORMATION' AND k.`organisme_id` = d.`organisme_id`
   WHERE d.`id` = `users`.`organisation_id` ORDER BY k.`created_at`, k.`id` LIMIT 1
)
 WHERE `organisation_id` IN (SELECT `id` FROM `organisations` WHERE `type` = 'ORGANISME_FORMATION' AND `organisme_id` IS NOT NULL);
--> statement-breakpoint
DELETE FROM `organisations`
 WHERE `type` = 'ORGANISME_FORMATION' AND `organisme_id` IS NOT NULL
   AND `id` <> (SELECT k.`id` FROM `organisations` k WHERE k.`type` = 'ORGANISME_FORMATION' AND k.`organisme_id` = `organisations`.`organisme_id`
                 ORDER BY k.`created_at`, k.`id` LIMIT 1);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_ofa_organisme` ON `organisations` (`organisme_id`) WHERE `type` = 'ORGANISME_FORMATION';
