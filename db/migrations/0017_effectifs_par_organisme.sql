CREATE TABLE `effectifs_par_organisme` (
	`organisme_id` text PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `effectifs_par_organisme` (`organisme_id`, `n`) SELECT `organisme_id`, count(*) FROM `effectifs` GROUP BY `organisme_id`;
--> statement-breakpoint
CREATE TRIGGER `effectifs_par_organisme_insert` AFTER INSERT ON `effectifs` BEGIN
  INSERT INTO effectifs_par_organisme (organisme_id, n) VALUES (NEW.organisme_id, 1)
  ON CONFLICT (organisme_id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `effectifs_par_organisme_delete` AFTER DELETE ON `effectifs` BEGIN
  UPDATE effectifs_par_organisme SET n = n - 1 WHERE organisme_id = OLD.organisme_id;
END;
--> statement-breakpoint
CREATE TRIGGER `effectifs_par_organisme_update` AFTER UPDATE OF `organisme_id` ON `effectifs`
  WHEN OLD.organisme_id IS NOT NEW.organisme_id BEGIN
  UPDATE effectifs_par_organisme SET n = n - 1 WHERE organisme_id = OLD.organisme_id;
  INSERT INTO effectifs_par_organisme (organisme_id, n) VALUES (NEW.organisme_id, 1)
  ON CONFLICT (organisme_id) DO UPDATE SET n = n + 1;
END;
