CREATE TABLE `live_connections` (
	`session_token_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`organisme_id` text NOT NULL,
	PRIMARY KEY(`session_token_hash`, `organisme_id`)
);
--> statement-breakpoint
CREATE INDEX `live_connections_user` ON `live_connections` (`user_id`);