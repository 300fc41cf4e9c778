CREATE INDEX `effectifs_liste_nom` ON `effectifs` (`organisme_id`,"nom" COLLATE NOCASE,"prenom" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `effectifs_liste_formation` ON `effectifs` (`organisme_id`,"libelle_formation" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `effectifs_liste_employeur` ON `effectifs` (`organisme_id`,"employeur" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `effectifs_liste_debut` ON `effectifs` (`organisme_id`,`contrat_debut`);--> statement-breakpoint
CREATE INDEX `effectifs_liste_fin` ON `effectifs` (`organisme_id`,`contrat_fin`);