-- Custom migration (WITHOUT ROWID tables, seed rows, triggers): hand-written; the tables are also described in
-- db/schema.ts, and test/db/schema-matches-migrations.test.ts checks they stay WITHOUT ROWID and keep their triggers.
-- Territorial and national indicators (SPEC §6) over a million effectifs in well under a second, without
-- scanning every parcours interval: the count of effectifs per statut at date D is
--   count on the 1st of D's month (effectif_statuts_mois)
--   + net changes on the days after it up to D (effectif_statuts_variations).
-- Both are kept exact by triggers on effectif_statuts, so every writer (ERP pushes, held records, imports, the
-- demo seed) maintains them without knowing they exist. Only the 12 months of an année scolaire's window
-- (1 Aug → 31 Jul, or 1 Jan → 31 Dec for "Y-Y") are kept: indicators at D only read the years containing D.

CREATE TABLE `calendrier_mois` (`rang` integer PRIMARY KEY NOT NULL);
--> statement-breakpoint
INSERT INTO `calendrier_mois` (`rang`) VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11);
--> statement-breakpoint
CREATE TABLE `effectif_statuts_mois` (
	`annee_scolaire` text NOT NULL,
	`mois` text NOT NULL,
	`organisme_id` text NOT NULL,
	`statut` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`annee_scolaire`, `mois`, `organisme_id`, `statut`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `effectif_statuts_variations` (
	`annee_scolaire` text NOT NULL,
	`jour` text NOT NULL,
	`organisme_id` text NOT NULL,
	`statut` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`annee_scolaire`, `jour`, `organisme_id`, `statut`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `effectif_statuts_mois` (`annee_scolaire`, `mois`, `organisme_id`, `statut`, `n`)
SELECT s.annee_scolaire, m.mois, s.organisme_id, s.statut, count(*)
  FROM effectif_statuts s
  JOIN (SELECT a2.annee_scolaire, date(CASE WHEN substr(a2.annee_scolaire, 1, 4) = substr(a2.annee_scolaire, 6, 4)
                                            THEN substr(a2.annee_scolaire, 1, 4) || '-01-01'
                                            ELSE substr(a2.annee_scolaire, 1, 4) || '-08-01' END, '+' || c.rang || ' months') AS mois
          FROM (SELECT DISTINCT annee_scolaire FROM effectif_statuts) a2, calendrier_mois c) m ON m.annee_scolaire = s.annee_scolaire
 WHERE m.mois >= s.du AND (s.au IS NULL OR m.mois <= s.au)
 GROUP BY s.annee_scolaire, m.mois, s.organisme_id, s.statut;
--> statement-breakpoint
INSERT INTO `effectif_statuts_variations` (`annee_scolaire`, `jour`, `organisme_id`, `statut`, `n`)
SELECT annee_scolaire, jour, organisme_id, statut, sum(n) FROM (
  SELECT annee_scolaire, du AS jour, organisme_id, statut, 1 AS n FROM effectif_statuts
  UNION ALL
  SELECT annee_scolaire, date(au, '+1 day'), organisme_id, statut, -1 FROM effectif_statuts WHERE au IS NOT NULL
) v
 WHERE v.jour >= CASE WHEN substr(annee_scolaire, 1, 4) = substr(annee_scolaire, 6, 4) THEN substr(annee_scolaire, 1, 4) || '-01-01' ELSE substr(annee_scolaire, 1, 4) || '-08-01' END
   AND v.jour < date(CASE WHEN substr(annee_scolaire, 1, 4) = substr(annee_scolaire, 6, 4) THEN substr(annee_scolaire, 1, 4) || '-01-01' ELSE substr(annee_scolaire, 1, 4) || '-08-01' END, '+12 months')
 GROUP BY annee_scolaire, jour, organisme_id, statut;
--> statement-breakpoint
CREATE TRIGGER `effectif_statuts_compteurs_insert` AFTER INSERT ON `effectif_statuts` BEGIN
  INSERT INTO effectif_statuts_mois (annee_scolaire, mois, organisme_id, statut, n)
  SELECT NEW.annee_scolaire, m.mois, NEW.organisme_id, NEW.statut, 1
    FROM (SELECT date(CASE WHEN substr(NEW.annee_scolaire, 1, 4) = substr(NEW.annee_scolaire, 6, 4)
                           THEN substr(NEW.annee_scolaire, 1, 4) || '-01-01'
                           ELSE substr(NEW.annee_scolaire, 1, 4) || '-08-01' END, '+' || rang || ' months') AS mois
            FROM calendrier_mois) m
   WHERE m.mois >= NEW.du AND (NEW.au IS NULL OR m.mois <= NEW.au)
  ON CONFLICT (annee_scolaire, mois, organisme_id, statut) DO UPDATE SET n = n + 1;
  INSERT INTO effectif_statuts_variations (annee_scolaire, jour, organisme_id, statut, n)
  SELECT NEW.annee_scolaire, v.jour, NEW.organisme_id, NEW.statut, v.n
    FROM (SELECT NEW.du AS jour, 1 AS n UNION ALL SELECT date(NEW.au, '+1 day'), -1 WHERE NEW.au IS NOT NULL) v,
         (SELECT CASE WHEN substr(NEW.annee_scolaire, 1, 4) = substr(NEW.annee_scolaire, 6, 4)
                      THEN substr(NEW.annee_scolaire, 1, 4) || '-01-01'
                      ELSE substr(NEW.annee_scolaire, 1, 4) || '-08-01' END AS debut) w
   WHERE v.jour >= w.debut AND v.jour < date(w.debut, '+12 months')
  ON CONFLICT (annee_scolaire, jour, organisme_id, statut) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `effectif_statuts_compteurs_delete` AFTER DELETE ON `effectif_statuts` BEGIN
  UPDATE effectif_statuts_mois SET n = n - 1
   WHERE annee_scolaire = OLD.annee_scolaire AND organisme_id = OLD.organisme_id AND statut = OLD.statut
     AND mois IN (SELECT date(CASE WHEN substr(OLD.annee_scolaire, 1, 4) = substr(OLD.annee_scolaire, 6, 4)
                                   THEN substr(OLD.annee_scolaire, 1, 4) || '-01-01'
                                   ELSE substr(OLD.annee_scolaire, 1, 4) || '-08-01' END, '+' || rang || ' months') AS mois
                    FROM calendrier_mois)
     AND mois >= OLD.du AND (OLD.au IS NULL OR mois <= OLD.au);
  INSERT INTO effectif_statuts_variations (annee_scolaire, jour, organisme_id, statut, n)
  SELECT OLD.annee_scolaire, v.jour, OLD.organisme_id, OLD.statut, v.n
    FROM (SELECT OLD.du AS jour, -1 AS n UNION ALL SELECT date(OLD.au, '+1 day'), 1 WHERE OLD.au IS NOT NULL) v,
         (SELECT CASE WHEN substr(OLD.annee_scolaire, 1, 4) = substr(OLD.annee_scolaire, 6, 4)
                      THEN substr(OLD.annee_scolaire, 1, 4) || '-01-01'
                      ELSE substr(OLD.annee_scolaire, 1, 4) || '-08-01' END AS debut) w
   WHERE v.jour >= w.debut AND v.jour < date(w.debut, '+12 months')
  ON CONFLICT (annee_scolaire, jour, organisme_id, statut) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
-- Rows are only ever inserted and deleted: an update would have to be counted twice, so it is refused rather
-- than left to make the counters drift.
CREATE TRIGGER `effectif_statuts_compteurs_update` BEFORE UPDATE ON `effectif_statuts` BEGIN
  SELECT RAISE(ABORT, 'effectif_statuts: supprimer puis insérer les intervalles au lieu de les modifier');
END;
