CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`organisme_id` text NOT NULL,
	`key_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`last_used_at` text,
	`revoked_at` text,
	`revoked_reason` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_key_hash_unique` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_organisme` ON `api_keys` (`organisme_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisme_id` text,
	`user_id` text,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`detail` text,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_org` ON `audit_log` (`organisme_id`,`at`);--> statement-breakpoint
CREATE TABLE `dossiers_recus` (
	`organisme_id` text NOT NULL,
	`identity` text NOT NULL,
	`transmission_id` text NOT NULL,
	`outcome` text NOT NULL,
	`errors` text DEFAULT '[]' NOT NULL,
	`nom` text,
	`prenom` text,
	`libelle_formation` text,
	`annee_scolaire` text,
	`id_erp_apprenant` text,
	`effectif_id` text,
	`held_data` text,
	`received_at` text NOT NULL,
	PRIMARY KEY(`organisme_id`, `identity`)
);
--> statement-breakpoint
CREATE INDEX `dossiers_recus_outcome` ON `dossiers_recus` (`organisme_id`,`outcome`);--> statement-breakpoint
CREATE TABLE `downloads_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`organisme_id` text,
	`kind` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `effectif_statuts` (
	`effectif_id` text NOT NULL,
	`organisme_id` text NOT NULL,
	`annee_scolaire` text NOT NULL,
	`du` text NOT NULL,
	`au` text,
	`statut` text NOT NULL,
	PRIMARY KEY(`effectif_id`, `du`)
);
--> statement-breakpoint
CREATE INDEX `effectif_statuts_org_date` ON `effectif_statuts` (`organisme_id`,`annee_scolaire`,`du`);--> statement-breakpoint
CREATE TABLE `effectifs` (
	`id` text PRIMARY KEY NOT NULL,
	`organisme_id` text NOT NULL,
	`organisme_responsable_id` text,
	`annee_scolaire` text NOT NULL,
	`id_erp_apprenant` text NOT NULL,
	`nom` text NOT NULL,
	`prenom` text NOT NULL,
	`date_de_naissance` text,
	`libelle_formation` text,
	`formation_cfd` text,
	`formation_rncp` text,
	`date_entree_formation` text,
	`date_fin_formation` text,
	`employeur` text,
	`contrat_debut` text,
	`contrat_fin` text,
	`data` text NOT NULL,
	`parcours` text NOT NULL,
	`data_hash` text NOT NULL,
	`source` text DEFAULT 'erp' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `effectifs_identity` ON `effectifs` (`organisme_id`,`annee_scolaire`,`id_erp_apprenant`);--> statement-breakpoint
CREATE INDEX `effectifs_responsable` ON `effectifs` (`organisme_responsable_id`);--> statement-breakpoint
CREATE TABLE `erps` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`api_key_support` integer NOT NULL,
	`ordre` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`label` text NOT NULL,
	`organisme_id` text,
	`reseau` text,
	`code_region` text,
	`code_departement` text,
	`code_academie` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `organisations_organisme` ON `organisations` (`organisme_id`);--> statement-breakpoint
CREATE TABLE `organisme_relations` (
	`responsable_id` text NOT NULL,
	`formateur_id` text NOT NULL,
	PRIMARY KEY(`responsable_id`, `formateur_id`)
);
--> statement-breakpoint
CREATE INDEX `organisme_relations_formateur` ON `organisme_relations` (`formateur_id`);--> statement-breakpoint
CREATE TABLE `organismes` (
	`id` text PRIMARY KEY NOT NULL,
	`uai` text,
	`siret` text NOT NULL,
	`raison_sociale` text NOT NULL,
	`enseigne` text,
	`nature` text DEFAULT 'inconnue' NOT NULL,
	`adresse` text,
	`code_postal` text,
	`commune` text,
	`departement` text,
	`region` text,
	`academie` text,
	`ferme` integer DEFAULT false NOT NULL,
	`referentiel` integer DEFAULT true NOT NULL,
	`erp` text,
	`erp_autre` text,
	`mode_transmission` text,
	`configured_at` text,
	`configured_by` text,
	`last_transmission_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organismes_uai_siret` ON `organismes` (`uai`,`siret`);--> statement-breakpoint
CREATE INDEX `organismes_siret` ON `organismes` (`siret`);--> statement-breakpoint
CREATE INDEX `organismes_region` ON `organismes` (`region`);--> statement-breakpoint
CREATE INDEX `organismes_departement` ON `organismes` (`departement`);--> statement-breakpoint
CREATE INDEX `organismes_academie` ON `organismes` (`academie`);--> statement-breakpoint
CREATE TABLE `outbox_emails` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`sent_at` text
);
--> statement-breakpoint
CREATE TABLE `password_resets` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text
);
--> statement-breakpoint
CREATE TABLE `reseau_membres` (
	`reseau` text NOT NULL,
	`organisme_id` text NOT NULL,
	PRIMARY KEY(`reseau`, `organisme_id`)
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `transmissions` (
	`id` text PRIMARY KEY NOT NULL,
	`organisme_id` text NOT NULL,
	`api_key_id` text,
	`source` text DEFAULT 'erp' NOT NULL,
	`received_at` text NOT NULL,
	`total` integer NOT NULL,
	`created` integer NOT NULL,
	`updated` integer NOT NULL,
	`unchanged` integer NOT NULL,
	`held` integer NOT NULL,
	`invalid` integer NOT NULL,
	`duration_ms` integer
);
--> statement-breakpoint
CREATE INDEX `transmissions_org_date` ON `transmissions` (`organisme_id`,`received_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`civilite` text,
	`prenom` text NOT NULL,
	`nom` text NOT NULL,
	`fonction` text,
	`organisation_id` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`is_admin` integer DEFAULT false NOT NULL,
	`validated_at` text,
	`validated_by` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);