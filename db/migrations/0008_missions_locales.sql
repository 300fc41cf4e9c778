CREATE TABLE `mission_locale_communes` (
	`mission_locale_id` text NOT NULL,
	`code_insee` text NOT NULL,
	`code_postal` text NOT NULL,
	`nom` text NOT NULL,
	PRIMARY KEY(`mission_locale_id`, `code_insee`, `code_postal`)
);
--> statement-breakpoint
CREATE INDEX `mission_locale_communes_insee` ON `mission_locale_communes` (`code_insee`);--> statement-breakpoint
CREATE INDEX `mission_locale_communes_code_postal` ON `mission_locale_communes` (`code_postal`);--> statement-breakpoint
CREATE TABLE `missions_locales` (
	`id` text PRIMARY KEY NOT NULL,
	`nom` text NOT NULL,
	`commune` text,
	`code_postal` text,
	`code_departement` text NOT NULL,
	`code_region` text NOT NULL,
	`telephone` text,
	`email` text,
	`digest_envoye_at` text
);
--> statement-breakpoint
CREATE INDEX `missions_locales_region` ON `missions_locales` (`code_region`);--> statement-breakpoint
CREATE TABLE `suivi_evenements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`effectif_id` text NOT NULL,
	`mission_locale_id` text NOT NULL,
	`at` text NOT NULL,
	`user_id` text NOT NULL,
	`auteur` text NOT NULL,
	`cote` text NOT NULL,
	`etat` text,
	`recontacter_le` text,
	`motif` text,
	`contact_nom` text,
	`contact_telephone` text,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `suivi_evenements_suivi` ON `suivi_evenements` (`effectif_id`,`mission_locale_id`,`at`);--> statement-breakpoint
CREATE TABLE `suivis_mission_locale` (
	`effectif_id` text NOT NULL,
	`mission_locale_id` text NOT NULL,
	`etat` text NOT NULL,
	`recontacter_le` text,
	`signale_at` text,
	`signale_par_organisme_id` text,
	`derniere_activite_at` text NOT NULL,
	PRIMARY KEY(`effectif_id`, `mission_locale_id`)
);
--> statement-breakpoint
CREATE INDEX `suivis_mission_locale_ml` ON `suivis_mission_locale` (`mission_locale_id`);--> statement-breakpoint
CREATE INDEX `suivis_mission_locale_activite` ON `suivis_mission_locale` (`derniere_activite_at`);--> statement-breakpoint
ALTER TABLE `downloads_log` ADD `cible` text;--> statement-breakpoint
ALTER TABLE `effectifs` ADD `commune_apprenant` text;--> statement-breakpoint
ALTER TABLE `effectifs` ADD `code_postal_apprenant` text;--> statement-breakpoint
ALTER TABLE `effectifs` ADD `date_rupture` text;--> statement-breakpoint
CREATE INDEX `effectifs_rupture_commune` ON `effectifs` (`commune_apprenant`,`date_rupture`) WHERE "effectifs"."date_rupture" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `effectifs_rupture_code_postal` ON `effectifs` (`code_postal_apprenant`,`date_rupture`) WHERE "effectifs"."date_rupture" IS NOT NULL AND "effectifs"."commune_apprenant" IS NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `mission_locale_id` text;