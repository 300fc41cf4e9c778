CREATE TABLE `reseaux_responsables` (
	`reseau` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE `downloads_log` ADD `rows` integer;