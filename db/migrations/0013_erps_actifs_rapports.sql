ALTER TABLE `erps` ADD `actif` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `organismes` ADD `rapport_quotidien_du` text;--> statement-breakpoint
ALTER TABLE `organismes` ADD `relance_envoyee_at` text;