CREATE TABLE `doublons` (
	`effectif_a` text NOT NULL,
	`effectif_b` text NOT NULL,
	`organisme_a` text NOT NULL,
	`organisme_b` text NOT NULL,
	`annee_scolaire` text NOT NULL,
	`etat` text DEFAULT 'a_traiter' NOT NULL,
	`detecte_at` text NOT NULL,
	`resolu_at` text,
	`resolu_par` text,
	`conserve` text,
	PRIMARY KEY(`effectif_a`, `effectif_b`)
);
--> statement-breakpoint
CREATE INDEX `doublons_organisme_a` ON `doublons` (`organisme_a`,`etat`);--> statement-breakpoint
CREATE INDEX `doublons_organisme_b` ON `doublons` (`organisme_b`,`etat`);--> statement-breakpoint
ALTER TABLE `effectifs` ADD `cle_identite` text;--> statement-breakpoint
CREATE INDEX `effectifs_cle_identite` ON `effectifs` (`cle_identite`,`annee_scolaire`);