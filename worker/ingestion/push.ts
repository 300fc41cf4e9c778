/**
 * The ingestion pipeline shared by ERP pushes, held records and file imports: every check answered per dossier,
 * then ONE atomic D1 batch (upsert of effectifs and their statuts, transmission report, transmission row), then
 * the organismes' Durable Objects are told.
 */
import { getTableName } from "drizzle-orm";
import { parisDay } from "../domain/dates";
import { dossiersRecus, effectifs, effectifStatuts, transmissions } from "../../db/schema";
import type { Env } from "../env";
import {
  mergeDossiers,
  validateDossiers,
  type DossierNormalise,
  type DossierValidation,
  type ValidationError,
} from "../domain/dossier";
import { TEXTE_MAX } from "../domain/dossier/primitives";
import { isMalformedText } from "../domain/texte-unicode";
import { statutAt, type ParcoursEntry } from "../domain/parcours";
import type { TransmissionSummary } from "../domain/live-messages";
import type { ItemResult, Outcome, PushResult } from "../domain/resultat-transmission";
import { createHash } from "node:crypto";
import { database } from "../data/db";
import { organismeHub } from "../connection/hub";
import { notifyMissionsLocales, notifyPerimetres, type RuptureEcrite } from "../connection/perimetre-hub";
import {
  dossierJson,
  EFFECTIF_COLUMNS,
  EFFECTIF_STATUT_COLUMNS,
  parcoursOfDossier,
  toEffectifRecord,
  type EffectifRow,
} from "./effectif-record";
import { detectDoublons } from "./doublons";
import { hash64 } from "./hash";
import { withPushTurns } from "./push-turns";
import { coupleKey, lookupOrganismes, type OrganismesLookup } from "./organismes";
import { ApiError } from "../lib/errors";
import { conflictGuard, insertRows, isConflict, sqlColumns, upsertClause, type SqlRow } from "./sql";
import type { PushTimer } from "./timings";

export interface PushOptions {
  /** the organisme that sends (the key's organisme) */
  organismeId: string;
  apiKeyId: string | null;
  /** "erp" for the API, "fichier" for an Excel/CSV import */
  source: string;
  /** true before the connection is confirmed: valid dossiers are kept aside, not applied */
  hold: boolean;
  /**
   * a correction by hand: the dossier sent replaces the stored one (a field cleared is cleared), instead of being
   * merged into it as an ERP's partial update is
   */
  replace?: boolean;
  now?: Date;
  /** bench only (timings.ts): where the push's time goes */
  timer?: PushTimer;
}

/** A lost race with a concurrent push (one that did not wait for its turn) is retried this many times, then 503. */
const MAX_ATTEMPTS = 5;

// Tables and column lists of the multi-row statements, from the schema (computed once per isolate).
const EFFECTIFS = getTableName(effectifs);
const EFFECTIF_STATUTS = getTableName(effectifStatuts);
const DOSSIERS_RECUS = getTableName(dossiersRecus);
const TRANSMISSIONS = getTableName(transmissions);
/** An upsert of an effectif keeps its identity and creation date. */
const EFFECTIF_UPDATABLE = EFFECTIF_COLUMNS.filter(
  (c) => c !== "id" && c !== "created_at" && c !== "organisme_id" && c !== "annee_scolaire" && c !== "id_erp_apprenant",
);
const DOSSIER_RECU_COLUMNS = sqlColumns(dossiersRecus);
const DOSSIER_RECU_UPDATABLE = DOSSIER_RECU_COLUMNS.filter((c) => c !== "organisme_id" && c !== "identity");
const TRANSMISSION_COLUMNS = sqlColumns(transmissions);

export async function ingestDossiers(env: Env, inputs: unknown[], options: PushOptions): Promise<PushResult> {
  const validations = validateDossiers(inputs);
  return ingestValidated(
    env,
    inputs.map((input, i) => ({ input, validation: validations[i] })),
    options,
  );
}

interface Candidate {
  index: number;
  value: DossierNormalise;
  formateurId: string;
  responsableId: string;
  /** formateur id | année scolaire | id ERP */
  key: string;
}

interface StoredEffectif {
  id: string;
  /** null when equal to the dossier sent (same data_hash): nothing to read */
  data: string | null;
  dataHash: string;
  cleIdentite: string | null;
}

/** The pipeline after validation (held records enter here with their already normalised data). */
export async function ingestValidated(
  env: Env,
  entries: { input: unknown; validation: DossierValidation }[],
  options: PushOptions,
): Promise<PushResult> {
  const started = Date.now();
  const instant = options.now ?? new Date();
  const now = instant.toISOString();
  // The statut in the report is the one the dashboards show: today in Paris, not in UTC (they differ every night).
  const today = parisDay(instant);
  const timer = options.timer;
  timer?.lap("pipeline : préparation");
  const organismes = await lookupOrganismes(
    database(env.DB),
    options.organismeId,
    siretsNamed(entries.map((e) => e.validation)),
  );
  timer?.lap("D1 : organismes nommés");

  const errorsOf: ValidationError[][] = [];
  const candidates: Candidate[] = [];
  entries.forEach(({ validation }, index) => {
    const errors = validation.ok ? [] : [...validation.errors];
    const refs = organismeErrors(fieldsOf(validation), organismes);
    errors.push(...refs.errors);
    errorsOf.push(errors);
    if (validation.ok && errors.length === 0) {
      const value = validation.value;
      candidates.push({
        index,
        value,
        formateurId: refs.formateurId!,
        responsableId: refs.responsableId!,
        key: `${refs.formateurId}|${value.annee_scolaire}|${value.id_erp_apprenant}`,
      });
    }
  });

  timer?.lap("pipeline : contrôle des organismes");
  const plan = await withPushTurns(env, [...new Set(candidates.map((c) => c.formateurId))], async () => {
    timer?.lap("hub : tour d'écriture");
    for (let attempt = 1; ; attempt++) {
      const plan = await planWrites(env, entries, errorsOf, candidates, organismes, options, now, today, started);
      try {
        const results = await env.DB.batch(plan.statements);
        timer?.lap("D1 : lot atomique");
        timer?.statements(plan.labels, results);
        return plan;
      } catch (error) {
        if (!isConflict(error)) throw error;
        if (attempt >= MAX_ATTEMPTS) {
          throw new ApiError(
            503,
            "Service Unavailable",
            "Ces dossiers sont modifiés en même temps par un autre envoi : veuillez réessayer dans quelques secondes.",
            { retryAfter: 2 },
          );
        }
      }
    }
  });
  timer?.lap("hub : fin du tour");
  await notifyHubs(env, [options.organismeId, ...plan.touched], plan.ruptures, plan.result.summary);
  timer?.lap("hubs : notifications");
  return plan.result;
}

const fieldsOf = (v: DossierValidation): Partial<DossierNormalise> => (v.ok ? v.value : v.partial);

/** The organismes' SIRETs that the dossiers name, to look them up in one round trip. */
function siretsNamed(validations: DossierValidation[]): string[] {
  return validations.flatMap((validation) => {
    const f = fieldsOf(validation);
    return [f.etablissement_formateur_siret, f.etablissement_responsable_siret].filter((s): s is string => !!s);
  });
}

/** A dry run (file import preview): every check of the pipeline, per dossier, and nothing written. */
export async function checkDossiers(env: Env, inputs: unknown[], organismeId: string): Promise<ValidationError[][]> {
  const validations = validateDossiers(inputs);
  const organismes = await lookupOrganismes(database(env.DB), organismeId, siretsNamed(validations));
  return validations.map((v) => [...(v.ok ? [] : v.errors), ...organismeErrors(fieldsOf(v), organismes).errors]);
}

function organismeErrors(
  f: Partial<DossierNormalise>,
  organismes: OrganismesLookup,
): { errors: ValidationError[]; formateurId: string | null; responsableId: string | null } {
  const errors: ValidationError[] = [];
  let formateurId: string | null = null;
  let responsableId: string | null = null;
  if (f.etablissement_formateur_uai && f.etablissement_formateur_siret) {
    const couple = `UAI ${f.etablissement_formateur_uai}, SIRET ${f.etablissement_formateur_siret}`;
    formateurId =
      organismes.byCouple.get(coupleKey(f.etablissement_formateur_uai, f.etablissement_formateur_siret)) ?? null;
    if (!formateurId)
      errors.push({ path: "etablissement_formateur_siret", message: `Organisme formateur introuvable (${couple})` });
    else if (!organismes.scope.has(formateurId)) {
      errors.push({
        path: "etablissement_formateur_siret",
        message: `Cette clé d'échange ne permet pas de transmettre les dossiers de l'organisme formateur (${couple}) : ce n'est ni votre organisme ni l'un de ses formateurs`,
      });
    }
  }
  if (f.etablissement_responsable_uai && f.etablissement_responsable_siret) {
    responsableId =
      organismes.byCouple.get(coupleKey(f.etablissement_responsable_uai, f.etablissement_responsable_siret)) ?? null;
    if (!responsableId) {
      errors.push({
        path: "etablissement_responsable_siret",
        message: `Organisme responsable introuvable (UAI ${f.etablissement_responsable_uai}, SIRET ${f.etablissement_responsable_siret})`,
      });
    }
  }
  return { errors, formateurId, responsableId };
}

/**
 * Ids derived from the identity, so that two concurrent pushes creating the same effectif agree on its id: the
 * SHA-256 of the identity, synchronously (node:crypto; 2000 digests through crypto.subtle cost ~12 ms of promises).
 */
function deterministicIds(keys: string[]): Map<string, string> {
  const unique = [...new Set(keys)];
  const hashes = unique.map((k) => createHash("sha256").update(`effectif|${k}`).digest("hex"));
  return new Map(
    unique.map((k, i) => [
      k,
      `${hashes[i].slice(0, 8)}-${hashes[i].slice(8, 12)}-${hashes[i].slice(12, 16)}-${hashes[i].slice(16, 20)}-${hashes[i].slice(20, 32)}`,
    ]),
  );
}

const splitKey = (key: string) => {
  const [organismeId, anneeScolaire, ...rest] = key.split("|");
  return { organismeId, anneeScolaire, idErpApprenant: rest.join("|") };
};

/**
 * `heldKeyId`: when holding, the key whose held records the new ones merge into (never another key's).
 * `sentHashes`: per identity, the data_hash the dossier sent would have; a stored effectif with that hash is not
 * read (its data is the dossier sent: a resend of unchanged dossiers reads 2000 hashes, not 2000 dossiers).
 */
async function loadStored(
  env: Env,
  keys: string[],
  hold: boolean,
  heldKeyId: string | null,
  sentHashes: Map<string, string>,
) {
  const identities = JSON.stringify(
    keys.map((k) => {
      const { organismeId, anneeScolaire, idErpApprenant } = splitKey(k);
      return [organismeId, anneeScolaire, idErpApprenant, sentHashes.get(k) ?? null];
    }),
  );
  const statements = [
    env.DB.prepare(
      `SELECT e.organisme_id || '|' || e.annee_scolaire || '|' || e.id_erp_apprenant AS key, e.id,
              CASE WHEN e.data_hash = j.value ->> '$[3]' THEN NULL ELSE e.data END AS data, e.data_hash AS dataHash,
              e.cle_identite AS cleIdentite
         FROM json_each(?) AS j
         JOIN effectifs e ON e.organisme_id = j.value ->> '$[0]' AND e.annee_scolaire = j.value ->> '$[1]' AND e.id_erp_apprenant = j.value ->> '$[2]'`,
    ).bind(identities),
  ];
  if (hold) {
    statements.push(
      env.DB.prepare(
        `SELECT r.organisme_id || '|' || r.identity AS key, r.held_data AS data FROM json_each(?) AS j
           JOIN dossiers_recus r ON r.organisme_id = j.value ->> '$[0]' AND r.identity = (j.value ->> '$[1]') || '|' || (j.value ->> '$[2]')
          WHERE r.outcome = 'held' AND r.held_key_id IS ? AND r.held_data IS NOT NULL`,
      ).bind(identities, heldKeyId),
    );
  }
  const [effectifs, held] = await env.DB.batch<StoredEffectif & { key: string }>(statements);
  return {
    effectifs: new Map<string, StoredEffectif>(effectifs.results.map((r) => [r.key, r])),
    held: new Map<string, DossierNormalise>(
      (held?.results ?? []).map((r) => [r.key, JSON.parse(r.data!) as DossierNormalise]),
    ),
  };
}

interface IdentityState {
  id: string;
  stored: StoredEffectif | null;
  current: DossierNormalise | null;
  json: string | null;
  /** the parcours of `current`, once it is the merged dossier */
  parcours: ParcoursEntry[] | null;
  dirty: boolean;
  candidate: Candidate;
}

async function planWrites(
  env: Env,
  entries: { input: unknown; validation: DossierValidation }[],
  errorsOf: ValidationError[][],
  candidates: Candidate[],
  organismes: OrganismesLookup,
  options: PushOptions,
  now: string,
  today: string,
  started: number,
) {
  const timer = options.timer;
  // The JSON and data_hash of the first dossier sent for each identity: compared with the stored one in SQL, and
  // the JSON and hash of a created effectif. Not when holding: the held records, not the effectif, are merged into.
  const sentJson = new Map<Candidate, string>();
  const sentHashes = new Map<string, string>();
  for (const c of candidates) {
    if (sentHashes.has(c.key) || options.hold) continue;
    const json = dossierJson(c.value);
    sentJson.set(c, json);
    sentHashes.set(c.key, hash64(json));
  }
  timer?.lap("pipeline : JSON et hash des dossiers envoyés");
  const stored = candidates.length
    ? await loadStored(env, [...new Set(candidates.map((c) => c.key))], options.hold, options.apiKeyId, sentHashes)
    : { effectifs: new Map(), held: new Map() };
  timer?.lap("D1 : effectifs stockés");
  // Only effectifs that do not exist yet need an id: an update of 2000 dossiers hashes nothing.
  const newIds = deterministicIds(candidates.map((c) => c.key).filter((key) => !stored.effectifs.has(key)));
  timer?.lap("pipeline : ids (SHA-256)");
  const items: ItemResult[] = entries.map((_, i) => ({
    validation_errors: errorsOf[i],
    outcome: "invalid",
    statut: null,
    effectif_id: null,
  }));
  const identities = new Map<string, IdentityState>();
  const heldData = new Map<number, DossierNormalise>();

  for (const c of candidates) {
    let state = identities.get(c.key);
    if (!state) {
      const existing: StoredEffectif | undefined = stored.effectifs.get(c.key);
      state = {
        id: existing?.id ?? newIds.get(c.key)!,
        stored: existing ?? null,
        // Stored data equal to the dossier sent (not read): the dossier sent stands for it, JSON for JSON.
        current: existing ? (existing.data === null ? c.value : (JSON.parse(existing.data) as DossierNormalise)) : null,
        json: existing ? (existing.data ?? sentJson.get(c)!) : null,
        parcours: null,
        dirty: false,
        candidate: c,
      };
      if (options.hold) state.current = stored.held.get(c.key) ?? state.current;
      identities.set(c.key, state);
    }
    const merged =
      options.replace && state.current
        ? { ...c.value, has_nir: state.current.has_nir || c.value.has_nir }
        : mergeDossiers(state.current, c.value);
    const json = (merged === c.value && sentJson.get(c)) || dossierJson(merged);
    const parcours = parcoursOfDossier(merged);
    const outcome: Outcome = options.hold
      ? "held"
      : !state.current
        ? "created"
        : state.json === json
          ? "unchanged"
          : "updated";
    state.current = merged;
    state.json = json;
    state.parcours = parcours;
    state.candidate = c;
    if (outcome === "held") heldData.set(c.index, merged);
    else if (outcome !== "unchanged") state.dirty = true;
    items[c.index] = { validation_errors: [], outcome, statut: statutAt(parcours, today), effectif_id: state.id };
  }
  timer?.lap("pipeline : fusion, JSON, parcours");

  const db = env.DB;
  const transmissionId = crypto.randomUUID();
  const dirty = [...identities.values()].filter((s) => s.dirty);
  const records = dirty.map((s) =>
    toEffectifRecord(
      s.current!,
      { id: s.id, organismeId: s.candidate.formateurId, organismeResponsableId: s.candidate.responsableId },
      now,
      options.source,
      {
        data: s.json!,
        parcours: s.parcours!,
        dataHash: s.json === sentJson.get(s.candidate) ? sentHashes.get(s.candidate.key) : undefined,
      },
    ),
  );
  timer?.lap("pipeline : lignes (hash, clé d'identité)");

  const summary: TransmissionSummary = {
    transmissionId,
    receivedAt: now,
    total: items.length,
    created: items.filter((i) => i.outcome === "created").length,
    updated: items.filter((i) => i.outcome === "updated").length,
    unchanged: items.filter((i) => i.outcome === "unchanged").length,
    held: items.filter((i) => i.outcome === "held").length,
    invalid: items.filter((i) => i.outcome === "invalid").length,
  };
  const touched = [...new Set(dirty.map((s) => s.candidate.formateurId))];

  // Each statement with its label (the bench's timings name the batch's statements by it).
  const statements: D1PreparedStatement[] = [];
  const labels: string[] = [];
  const add = (label: string, list: D1PreparedStatement[]) => {
    statements.push(...list);
    labels.push(...list.map(() => label));
  };
  add(
    "garde de concurrence",
    conflictGuard(
      db,
      dirty.map((s) => ({ ...splitKey(s.candidate.key), dataHash: s.stored?.dataHash ?? null })),
    ),
  );
  add(
    "effectifs (upsert)",
    insertRows<EffectifRow>(
      db,
      EFFECTIFS,
      EFFECTIF_COLUMNS,
      records.map((r) => r.effectif),
      upsertClause("organisme_id, annee_scolaire, id_erp_apprenant", EFFECTIF_UPDATABLE),
    ),
  );
  if (dirty.length) {
    add("intervalles (suppression)", [
      db
        .prepare(`DELETE FROM ${EFFECTIF_STATUTS} WHERE effectif_id IN (SELECT value FROM json_each(?))`)
        .bind(JSON.stringify(dirty.map((s) => s.id))),
    ]);
    add(
      "intervalles (insertion)",
      insertRows(
        db,
        EFFECTIF_STATUTS,
        EFFECTIF_STATUT_COLUMNS,
        records.flatMap((r) => r.statuts),
      ),
    );
    // Only where the identity is new: an update that keeps nom, prénom and date de naissance finds nothing new.
    add(
      "doublons",
      detectDoublons(
        db,
        records.flatMap(({ effectif: e }, i) =>
          e.cle_identite && e.cle_identite !== dirty[i].stored?.cleIdentite ? [e.id] : [],
        ),
        now,
      ),
    );
  }
  add(
    "rapport (dossiers_recus)",
    insertRows(
      db,
      DOSSIERS_RECUS,
      DOSSIER_RECU_COLUMNS,
      entries.map((entry, i) =>
        dossierRecu(entry, items[i], heldData.get(i), organismes, options, transmissionId, now),
      ),
      upsertClause("organisme_id, identity", DOSSIER_RECU_UPDATABLE),
    ),
  );
  add("transmission et organismes", [
    ...insertRows<TransmissionRow>(db, TRANSMISSIONS, TRANSMISSION_COLUMNS, [
      {
        id: transmissionId,
        organisme_id: options.organismeId,
        api_key_id: options.apiKeyId,
        source: options.source,
        received_at: now,
        total: summary.total,
        created: summary.created,
        updated: summary.updated,
        unchanged: summary.unchanged,
        held: summary.held,
        invalid: summary.invalid,
        duration_ms: Date.now() - started,
      },
    ]),
    db
      .prepare("UPDATE organismes SET last_transmission_at = ? WHERE id IN (SELECT value FROM json_each(?))")
      .bind(now, JSON.stringify([options.organismeId, ...touched])),
  ]);
  // The written learners who were ever rupturant: their Missions Locales' worklists changed.
  const ruptures = records.flatMap(({ effectif: e }) =>
    e.date_rupture
      ? [{ commune: e.commune_apprenant, codePostal: e.code_postal_apprenant, organismeId: e.organisme_id }]
      : [],
  );
  timer?.lap("pipeline : instructions SQL (rapport compris)");
  return { statements, labels, touched, ruptures, result: { summary, items } };
}

type DossierRecuRow = SqlRow<typeof dossiersRecus>;
type TransmissionRow = SqlRow<typeof transmissions>;

/**
 * An identity field of an invalid dossier as the report may show it: a text (or number) that validation would have
 * accepted as text. A 2 MB identifier would make the row too big for D1, a lone surrogate would be stored altered.
 */
function reportableText(value: unknown): string | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const text = String(value).trim();
  return text !== "" && text.length <= TEXTE_MAX && !isMalformedText(text) ? text : null;
}

/** The transmission report row of one dossier: its latest outcome and errors, under its organisme formateur when known. */
function dossierRecu(
  entry: { input: unknown; validation: DossierValidation },
  item: ItemResult,
  held: DossierNormalise | undefined,
  organismes: OrganismesLookup,
  options: PushOptions,
  transmissionId: string,
  now: string,
): DossierRecuRow {
  const f: Partial<DossierNormalise> = entry.validation.ok ? entry.validation.value : entry.validation.partial;
  const raw = (typeof entry.input === "object" && entry.input !== null ? entry.input : {}) as Record<string, unknown>;
  const annee = f.annee_scolaire ?? reportableText(raw.annee_scolaire);
  const idErp = f.id_erp_apprenant ?? reportableText(raw.id_erp_apprenant);
  const formateurId =
    f.etablissement_formateur_uai && f.etablissement_formateur_siret
      ? organismes.byCouple.get(coupleKey(f.etablissement_formateur_uai, f.etablissement_formateur_siret))
      : undefined;
  return {
    organisme_id: formateurId && organismes.scope.has(formateurId) ? formateurId : options.organismeId,
    identity: annee && idErp ? `${annee}|${idErp}` : `contenu:${hash64(JSON.stringify(entry.input) ?? "")}`,
    transmission_id: transmissionId,
    outcome: item.outcome,
    errors: JSON.stringify(item.validation_errors),
    nom: f.nom_apprenant ?? null,
    prenom: f.prenom_apprenant ?? null,
    libelle_formation: f.libelle_court_formation ?? null,
    annee_scolaire: annee,
    id_erp_apprenant: idErp,
    effectif_id: item.effectif_id,
    held_data: held ? dossierJson(held) : null,
    held_key_id: held ? options.apiKeyId : null,
    received_at: now,
  };
}

/**
 * Dashboards must see the push within ~100 ms: told before the response; a hub failure loses no data. The
 * perimeters containing the organismes (territorial dashboards) and the Missions Locales of the learners in rupture
 * written (their worklists) are told at the same time, in parallel.
 */
async function notifyHubs(
  env: Env,
  organismeIds: string[],
  ruptures: RuptureEcrite[],
  summary: TransmissionSummary,
): Promise<void> {
  const ids = [...new Set(organismeIds)];
  const [results] = await Promise.all([
    Promise.allSettled(ids.map((id) => organismeHub(env, id).notifyTransmission(summary))),
    notifyPerimetres(env, ids),
    notifyMissionsLocales(env, ruptures),
  ]);
  for (const r of results) if (r.status === "rejected") console.error("notifyTransmission", r.reason);
}
