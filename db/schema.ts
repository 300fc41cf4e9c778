// D1 schema (drizzle). Dates are ISO strings: "YYYY-MM-DD" for domain dates, full ISO for timestamps.
// The source of the D1 schema: after changing it, `npm run db:generate` (drizzle-kit) writes the migration
// db/migrations/NNNN_*.sql that wrangler applies; CI's `npm run db:check` fails when a change has no migration, and
// test/db/schema-matches-migrations.test.ts when a migration changes a table without this file. What drizzle cannot
// express (WITHOUT ROWID, triggers, seed rows, data fixes) goes in custom migrations: `npx drizzle-kit generate
// --custom --name=<what>`, then write the SQL (and describe here any table or index it creates).
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";

const bool = (name: string) => integer(name, { mode: "boolean" });

/** The référentiel: every known establishment, identified by the couple (UAI, SIRET). */
export const organismes = sqliteTable(
  "organismes",
  {
    id: text("id").primaryKey(),
    uai: text("uai"),
    siret: text("siret").notNull(),
    raisonSociale: text("raison_sociale").notNull(),
    enseigne: text("enseigne"),
    nature: text("nature").notNull().default("inconnue"),
    adresse: text("adresse"),
    codePostal: text("code_postal"),
    commune: text("commune"),
    departement: text("departement"),
    region: text("region"),
    academie: text("academie"),
    ferme: bool("ferme").notNull().default(false),
    /** présence of the couple in the national référentiel (false for organismes only seen in ERP data) */
    referentiel: bool("referentiel").notNull().default(true),
    /** transmission settings: chosen ERP id (erps.id) or null; "autre" for a free-named ERP */
    erp: text("erp"),
    erpAutre: text("erp_autre"),
    /** "api" (key flow) | "manuel" (Excel upload) | null (not chosen) */
    modeTransmission: text("mode_transmission", { enum: ["api", "manuel"] }),
    configuredAt: text("configured_at"),
    configuredBy: text("configured_by"),
    lastTransmissionAt: text("last_transmission_at"),
    /** the day (Paris) of the pushes the last daily transmission report covered, and the last 7-day reminder */
    rapportQuotidienDu: text("rapport_quotidien_du"),
    relanceEnvoyeeAt: text("relance_envoyee_at"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("organismes_uai_siret").on(t.uai, t.siret),
    index("organismes_siret").on(t.siret),
    index("organismes_region").on(t.region),
    index("organismes_departement").on(t.departement),
    index("organismes_academie").on(t.academie),
  ],
);

/** responsable → formateurs */
export const organismeRelations = sqliteTable(
  "organisme_relations",
  {
    responsableId: text("responsable_id").notNull(),
    formateurId: text("formateur_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.responsableId, t.formateurId] }),
    index("organisme_relations_formateur").on(t.formateurId),
  ],
);

/** An organisation a user belongs to: an OFA (one organisme), a réseau, a public operator, or the administration. */
export const organisations = sqliteTable(
  "organisations",
  {
    id: text("id").primaryKey(),
    /** ORGANISME_FORMATION | RESEAU | DREETS | DDETS | ACADEMIE | MISSION_LOCALE | ARML | ADMINISTRATEUR */
    type: text("type").notNull(),
    label: text("label").notNull(),
    organismeId: text("organisme_id"),
    reseau: text("reseau"),
    codeRegion: text("code_region"),
    codeDepartement: text("code_departement"),
    codeAcademie: text("code_academie"),
    /** a MISSION_LOCALE's mission locale (missions_locales.id); an ARML has its région in code_region */
    missionLocaleId: text("mission_locale_id"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    index("organisations_organisme").on(t.organismeId),
    uniqueIndex("organisations_ofa_organisme")
      .on(t.organismeId)
      .where(sql`${t.type} = 'ORGANISME_FORMATION'`),
  ],
);

/**
 * The réseaux whose members' nominative lists their users may see (SPEC §8: a "responsable" network). A réseau
 * absent from this table is not responsable: it sees indicators only.
 */
export const reseauxResponsables = sqliteTable("reseaux_responsables", {
  reseau: text("reseau").primaryKey(),
});

/** Members of a réseau (organismes têtes de réseau follow). */
export const reseauMembres = sqliteTable(
  "reseau_membres",
  { reseau: text("reseau").notNull(), organismeId: text("organisme_id").notNull() },
  // The réseaux of a changed organisme are looked up on every push (its perimeters' live dashboards).
  (t) => [primaryKey({ columns: [t.reseau, t.organismeId] }), index("reseau_membres_organisme").on(t.organismeId)],
);

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull().unique(),
    /** "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>" */
    passwordHash: text("password_hash").notNull(),
    civilite: text("civilite"),
    prenom: text("prenom").notNull(),
    nom: text("nom").notNull(),
    fonction: text("fonction"),
    organisationId: text("organisation_id").notNull(),
    /** pending | active | disabled */
    status: text("status", { enum: ["pending", "active", "disabled"] })
      .notNull()
      .default("pending"),
    isAdmin: bool("is_admin").notNull().default(false),
    /**
     * the user's role in their organisation: an administrateur invites, changes roles, removes members and
     * configures the transmission; the first validated user of an organisation is its administrateur, and an
     * organisation always keeps one (worker/data/membres.ts)
     */
    role: text("role", { enum: ["administrateur", "membre"] })
      .notNull()
      .default("membre"),
    validatedAt: text("validated_at"),
    validatedBy: text("validated_by"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("users_organisation").on(t.organisationId)],
);

/** Only the SHA-256 of the session token is stored. */
export const sessions = sqliteTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id").notNull(),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/**
 * Which hubs hold live WebSockets of which session: ending a session (logout, password reset) closes them there
 * (worker/connection/live-sessions.ts). `organisme_id` names an OrganismeHub, or a PerimetreHub as
 * `perimetre:<key>`. Written by the hub on upgrade, removed when the last socket of the session closes there or
 * when the session ends.
 */
export const liveConnections = sqliteTable(
  "live_connections",
  {
    sessionTokenHash: text("session_token_hash").notNull(),
    userId: text("user_id").notNull(),
    organismeId: text("organisme_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionTokenHash, t.organismeId] }), index("live_connections_user").on(t.userId)],
);

export const passwordResets = sqliteTable("password_resets", {
  tokenHash: text("token_hash").primaryKey(),
  userId: text("user_id").notNull(),
  expiresAt: text("expires_at").notNull(),
  usedAt: text("used_at"),
});

/**
 * Invitations to join an organisation, sent by one of its administrateurs: a link valid 7 days, usable once. Only the
 * SHA-256 of the token is stored, like password_resets.
 */
export const invitations = sqliteTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id").notNull(),
    email: text("email").notNull(),
    role: text("role", { enum: ["administrateur", "membre"] }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by").notNull(),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [index("invitations_organisation").on(t.organisationId, t.createdAt)],
);

/**
 * Outgoing e-mails, a queue: written by the app (worker/lib/mailer.ts), sent by the cron through the provider's
 * HTTP API with retries and backoff (worker/scheduled/envoi-emails.ts). pending → sent, or failed with its reason.
 */
export const outboxEmails = sqliteTable(
  "outbox_emails",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    createdAt: text("created_at").notNull(),
    sentAt: text("sent_at"),
    status: text("status", { enum: ["pending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** a pending message is not tried again before this instant (null: at once) */
    nextAttemptAt: text("next_attempt_at"),
    lastError: text("last_error"),
    /** the provider's id of the sent message */
    providerMessageId: text("provider_message_id"),
  },
  (t) => [index("outbox_emails_a_envoyer").on(t.status, t.nextAttemptAt)],
);

export const erps = sqliteTable("erps", {
  id: text("id").primaryKey(),
  label: text("label").notNull(),
  apiKeySupport: bool("api_key_support").notNull(),
  ordre: integer("ordre").notNull().default(0),
  /** a deactivated ERP is no longer offered; an OFA that uses it keeps working and sees a notice */
  actif: bool("actif").notNull().default(true),
});

/** Exchange keys: only the SHA-256 of the key is stored. */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    organismeId: text("organisme_id").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    /** the first 8 characters, to recognise a key without storing it */
    prefix: text("prefix").notNull(),
    createdAt: text("created_at").notNull(),
    createdBy: text("created_by"),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
    revokedReason: text("revoked_reason"),
  },
  (t) => [index("api_keys_organisme").on(t.organismeId)],
);

/**
 * One learner in one formation in one school year at one organisme formateur (SPEC §2).
 * `data` is the normalised dossier (without nir) as JSON; the most used fields are columns too.
 */
export const effectifs = sqliteTable(
  "effectifs",
  {
    id: text("id").primaryKey(),
    organismeId: text("organisme_id").notNull(),
    organismeResponsableId: text("organisme_responsable_id"),
    anneeScolaire: text("annee_scolaire").notNull(),
    idErpApprenant: text("id_erp_apprenant").notNull(),
    nom: text("nom").notNull(),
    prenom: text("prenom").notNull(),
    dateDeNaissance: text("date_de_naissance"),
    libelleFormation: text("libelle_formation"),
    formationCfd: text("formation_cfd"),
    formationRncp: text("formation_rncp"),
    dateEntreeFormation: text("date_entree_formation"),
    dateFinFormation: text("date_fin_formation"),
    employeur: text("employeur"),
    contratDebut: text("contrat_debut"),
    contratFin: text("contrat_fin"),
    data: text("data").notNull(),
    /** JSON [{date, statut}] — SPEC §6 parcours */
    parcours: text("parcours").notNull(),
    /** hash of `data`, to answer "unchanged" without comparing JSON */
    dataHash: text("data_hash").notNull(),
    source: text("source").notNull().default("erp"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    /** the learner's home commune (INSEE code) and postal code, as the dossier gives them */
    communeApprenant: text("commune_apprenant"),
    codePostalApprenant: text("code_postal_apprenant"),
    /** first day of the parcours' last RUPTURANT interval (null: never rupturant), for the Missions Locales */
    dateRupture: text("date_rupture"),
    /** normalised nom|prénom|date de naissance (worker/domain/doublons.ts): what suspected duplicates share */
    cleIdentite: text("cle_identite"),
  },
  (t) => [
    uniqueIndex("effectifs_identity").on(t.organismeId, t.anneeScolaire, t.idErpApprenant),
    index("effectifs_responsable").on(t.organismeResponsableId),
    // A Mission Locale's worklist: the learners of its communes who were ever rupturant, by commune (else by postal
    // code when the dossier has no INSEE code). Partial, so the learners never in rupture cost nothing to index.
    index("effectifs_rupture_commune")
      .on(t.communeApprenant, t.dateRupture)
      .where(sql`${t.dateRupture} IS NOT NULL`),
    index("effectifs_cle_identite").on(t.cleIdentite, t.anneeScolaire),
    // Nominative lists of the whole country (worker/data/indicateurs-perimetre-liste.ts): walked in name order
    // from either end, each effectif's interval at the date checked as it comes, instead of sorting every match.
    index("effectifs_nom").on(t.anneeScolaire, sql`${t.nom} COLLATE NOCASE`, sql`${t.prenom} COLLATE NOCASE`, t.id),
    index("effectifs_rupture_code_postal")
      .on(t.codePostalApprenant, t.dateRupture)
      .where(sql`${t.dateRupture} IS NOT NULL AND ${t.communeApprenant} IS NULL`),
    // Mes effectifs (worker/data/effectifs-liste.ts): an organisme's effectifs in the order of each sortable column
    // (ties by rowid, which every index entry holds), so that a page reads its rows and no more.
    index("effectifs_liste_nom").on(t.organismeId, sql`${t.nom} COLLATE NOCASE`, sql`${t.prenom} COLLATE NOCASE`),
    index("effectifs_liste_formation").on(t.organismeId, sql`${t.libelleFormation} COLLATE NOCASE`),
    index("effectifs_liste_employeur").on(t.organismeId, sql`${t.employeur} COLLATE NOCASE`),
    index("effectifs_liste_debut").on(t.organismeId, t.contratDebut),
    index("effectifs_liste_fin").on(t.organismeId, t.contratFin),
    // A search by name counts every effectif of the scope: this index holds the searched text itself (the same
    // expression as in worker/data/effectifs-liste.ts), which SQLite ≥ 3.54 reads from the index instead of joining
    // nom and prénom again for each row. nom and prénom are in it too, so that an older SQLite still reads the index
    // alone (and joins them), never the table.
    index("effectifs_recherche_apprenant").on(t.organismeId, sql`(${t.nom} || ' ' || ${t.prenom})`, t.nom, t.prenom),
  ],
);

/**
 * How many effectifs each organisme has (all school years), kept exact by triggers on `effectifs` (migration 0017):
 * the count of an unfiltered Mes effectifs reads a few rows instead of every index entry of a large organisme.
 */
export const effectifsParOrganisme = sqliteTable("effectifs_par_organisme", {
  organismeId: text("organisme_id").primaryKey(),
  n: integer("n").notNull(),
});

/**
 * The parcours as intervals, so that the statut at any date is one indexed query:
 * statut of an effectif at D = the row with du <= D <= au (au null = open-ended).
 * The first interval starts at "0000-01-01" (INSCRIT before the parcours starts).
 */
export const effectifStatuts = sqliteTable(
  "effectif_statuts",
  {
    effectifId: text("effectif_id").notNull(),
    organismeId: text("organisme_id").notNull(),
    anneeScolaire: text("annee_scolaire").notNull(),
    du: text("du").notNull(),
    au: text("au"),
    statut: text("statut").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.effectifId, t.du] }),
    index("effectif_statuts_org_date").on(t.organismeId, t.anneeScolaire, t.du),
  ],
);

/**
 * Counters behind the territorial indicators (migration 0002): the number of effectifs per statut on the 1st of
 * each month of an année scolaire's window, and the net change of that number on each day. Maintained by triggers
 * on effectif_statuts (which refuse UPDATE: intervals are deleted and inserted); WITHOUT ROWID tables.
 */
export const effectifStatutsMois = sqliteTable(
  "effectif_statuts_mois",
  {
    anneeScolaire: text("annee_scolaire").notNull(),
    mois: text("mois").notNull(),
    organismeId: text("organisme_id").notNull(),
    statut: text("statut").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.anneeScolaire, t.mois, t.organismeId, t.statut] })],
);

export const effectifStatutsVariations = sqliteTable(
  "effectif_statuts_variations",
  {
    anneeScolaire: text("annee_scolaire").notNull(),
    jour: text("jour").notNull(),
    organismeId: text("organisme_id").notNull(),
    statut: text("statut").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.anneeScolaire, t.jour, t.organismeId, t.statut] })],
);

/**
 * The same counters per formation too (migration 0011), for a perimeter's breakdown by formation: `formation` is the
 * effectif's key ('cfd:' CFD, else 'rncp:' RNCP, else 'lib:' libellé, else ''). They count the intervals joined to
 * their effectif, kept exact by triggers on effectif_statuts AND effectifs (a changed formation moves its
 * intervals); WITHOUT ROWID tables.
 */
export const effectifFormationsMois = sqliteTable(
  "effectif_formations_mois",
  {
    anneeScolaire: text("annee_scolaire").notNull(),
    mois: text("mois").notNull(),
    organismeId: text("organisme_id").notNull(),
    formation: text("formation").notNull(),
    statut: text("statut").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.anneeScolaire, t.mois, t.organismeId, t.formation, t.statut] })],
);

export const effectifFormationsVariations = sqliteTable(
  "effectif_formations_variations",
  {
    anneeScolaire: text("annee_scolaire").notNull(),
    jour: text("jour").notNull(),
    organismeId: text("organisme_id").notNull(),
    formation: text("formation").notNull(),
    statut: text("statut").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.anneeScolaire, t.jour, t.organismeId, t.formation, t.statut] })],
);

/** What a formation key shows: the first libellé (and CFD) given for it (migration 0011's triggers). */
export const formationLibelles = sqliteTable("formation_libelles", {
  cle: text("cle").primaryKey(),
  libelle: text("libelle"),
  cfd: text("cfd"),
});

/** 0 … 11: the months of an année scolaire's window, for the triggers (which cannot use WITH). */
export const calendrierMois = sqliteTable("calendrier_mois", { rang: integer("rang").primaryKey() });

/** One row per push (or file import). */
export const transmissions = sqliteTable(
  "transmissions",
  {
    id: text("id").primaryKey(),
    organismeId: text("organisme_id").notNull(),
    apiKeyId: text("api_key_id"),
    source: text("source").notNull().default("erp"),
    receivedAt: text("received_at").notNull(),
    total: integer("total").notNull(),
    created: integer("created").notNull(),
    updated: integer("updated").notNull(),
    unchanged: integer("unchanged").notNull(),
    held: integer("held").notNull(),
    invalid: integer("invalid").notNull(),
    durationMs: integer("duration_ms"),
  },
  (t) => [index("transmissions_org_date").on(t.organismeId, t.receivedAt)],
);

/**
 * The latest outcome of each dossier received for an organisme (valid, invalid or held), with its errors:
 * the transmission report. `identity` = "annee|id_erp" when known, else a hash of the payload.
 * Held dossiers keep their normalised data here until the connection is confirmed or refused.
 */
export const dossiersRecus = sqliteTable(
  "dossiers_recus",
  {
    organismeId: text("organisme_id").notNull(),
    identity: text("identity").notNull(),
    transmissionId: text("transmission_id").notNull(),
    /** created | updated | unchanged | held | invalid */
    outcome: text("outcome").notNull(),
    errors: text("errors").notNull().default("[]"),
    nom: text("nom"),
    prenom: text("prenom"),
    libelleFormation: text("libelle_formation"),
    anneeScolaire: text("annee_scolaire"),
    idErpApprenant: text("id_erp_apprenant"),
    effectifId: text("effectif_id"),
    /** normalised dossier JSON, kept only while held */
    heldData: text("held_data"),
    /** the api key that pushed the held record: only the confirmed key's records are applied */
    heldKeyId: text("held_key_id"),
    receivedAt: text("received_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organismeId, t.identity] }),
    index("dossiers_recus_outcome").on(t.organismeId, t.outcome),
    index("dossiers_recus_held")
      .on(t.heldKeyId)
      .where(sql`${t.outcome} = 'held'`),
  ],
);

/** Who did what, when — visible to the organisme's users. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organismeId: text("organisme_id"),
    userId: text("user_id"),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    detail: text("detail"),
    at: text("at").notNull(),
  },
  (t) => [index("audit_log_org").on(t.organismeId, t.at)],
);

/** Every access to nominative data, downloaded or read on screen (SPEC §8). */
export const downloadsLog = sqliteTable(
  "downloads_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id").notNull(),
    /** null for a list over a perimeter (a territory's rupturants) rather than one organisme */
    organismeId: text("organisme_id"),
    kind: text("kind").notNull(),
    /** how many rows (learners) the page or the file held; null when not counted */
    rows: integer("rows"),
    /** for a page of Mes effectifs: how many dossiers the list held (the page is `rows` of them) */
    total: integer("total"),
    /** which learner (effectif id) or which list (its tab and filters), when the kind alone does not say it */
    cible: text("cible"),
    at: text("at").notNull(),
  },
  // A learner's contact details opened again by the same person within minutes is the same consultation
  // (worker/data/downloads-log.ts): found through this index, kept to the rows that name a learner or a list.
  (t) => [
    index("downloads_log_cible")
      .on(t.userId, t.cible, t.at)
      .where(sql`${t.cible} IS NOT NULL`),
  ],
);

/** The Missions Locales (SPEC §10): the public service that accompanies the 16–25 year-olds of its zone. */
export const missionsLocales = sqliteTable(
  "missions_locales",
  {
    id: text("id").primaryKey(),
    nom: text("nom").notNull(),
    commune: text("commune"),
    codePostal: text("code_postal"),
    codeDepartement: text("code_departement").notNull(),
    codeRegion: text("code_region").notNull(),
    telephone: text("telephone"),
    email: text("email"),
    /** when the last morning digest of new rupturants was sent (null: never) */
    digestEnvoyeAt: text("digest_envoye_at"),
  },
  (t) => [index("missions_locales_region").on(t.codeRegion)],
);

/** A Mission Locale's zone: the communes it covers, by INSEE code and postal code (a commune may have several). */
export const missionLocaleCommunes = sqliteTable(
  "mission_locale_communes",
  {
    missionLocaleId: text("mission_locale_id").notNull(),
    codeInsee: text("code_insee").notNull(),
    codePostal: text("code_postal").notNull(),
    nom: text("nom").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionLocaleId, t.codeInsee, t.codePostal] }),
    index("mission_locale_communes_insee").on(t.codeInsee),
    index("mission_locale_communes_code_postal").on(t.codePostal),
  ],
);

/**
 * The follow-up of a learner in rupture by a Mission Locale: its current state, and whether the CFA signalled the
 * learner (accompagnement conjoint). `derniere_activite_at` dates the last event: the daily cron deletes the
 * follow-up and its history 12 months after it (SPEC §10).
 */
export const suivisMissionLocale = sqliteTable(
  "suivis_mission_locale",
  {
    effectifId: text("effectif_id").notNull(),
    missionLocaleId: text("mission_locale_id").notNull(),
    /** a_traiter | a_recontacter | contacte | accompagnement_demarre | injoignable | refus | deja_accompagne */
    etat: text("etat").notNull(),
    recontacterLe: text("recontacter_le"),
    /** when the CFA signalled the learner (null: not signalled), and which organisme did */
    signaleAt: text("signale_at"),
    signaleParOrganismeId: text("signale_par_organisme_id"),
    derniereActiviteAt: text("derniere_activite_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.effectifId, t.missionLocaleId] }),
    index("suivis_mission_locale_ml").on(t.missionLocaleId),
    index("suivis_mission_locale_activite").on(t.derniereActiviteAt),
  ],
);

/** The history of a follow-up: each change of state and each signalement, dated and signed. */
export const suiviEvenements = sqliteTable(
  "suivi_evenements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    effectifId: text("effectif_id").notNull(),
    missionLocaleId: text("mission_locale_id").notNull(),
    at: text("at").notNull(),
    userId: text("user_id").notNull(),
    /** who, as shown: "Prénom Nom (organisation)" */
    auteur: text("auteur").notNull(),
    /** mission_locale | cfa */
    cote: text("cote", { enum: ["mission_locale", "cfa"] }).notNull(),
    /** the state set (a change by the Mission Locale), or null for a signalement */
    etat: text("etat"),
    recontacterLe: text("recontacter_le"),
    /** a signalement's reason (MOTIFS_SIGNALEMENT) and the CFA's contact */
    motif: text("motif"),
    contactNom: text("contact_nom"),
    contactTelephone: text("contact_telephone"),
    note: text("note"),
  },
  (t) => [index("suivi_evenements_suivi").on(t.effectifId, t.missionLocaleId, t.at)],
);

/**
 * Suspected duplicates found at ingestion (worker/ingestion/doublons.ts): a pair of effectifs (effectif_a <
 * effectif_b) of one année scolaire sharing their cle_identite, within one organisme and its formateurs. The pair
 * stays when resolved (which one was kept, or "pas un doublon"), so it is not suggested again.
 */
export const doublons = sqliteTable(
  "doublons",
  {
    effectifA: text("effectif_a").notNull(),
    effectifB: text("effectif_b").notNull(),
    organismeA: text("organisme_a").notNull(),
    organismeB: text("organisme_b").notNull(),
    anneeScolaire: text("annee_scolaire").notNull(),
    /** a_traiter | pas_un_doublon | resolu */
    etat: text("etat").notNull().default("a_traiter"),
    detecteAt: text("detecte_at").notNull(),
    resoluAt: text("resolu_at"),
    resoluPar: text("resolu_par"),
    /** when resolved by removing one: the effectif kept */
    conserve: text("conserve"),
  },
  (t) => [
    primaryKey({ columns: [t.effectifA, t.effectifB] }),
    index("doublons_organisme_a").on(t.organismeA, t.etat),
    index("doublons_organisme_b").on(t.organismeB, t.etat),
  ],
);
