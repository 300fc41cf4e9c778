/** Fixtures of the Missions Locales' tests: a Mission Locale and its zone, its users, learners in rupture pushed. */
import { env, SELF } from "cloudflare:test";
import { expect, onTestFinished } from "vitest";
import { anneeScolaireOf } from "../../worker/domain/annee-scolaire";
import { todayParis } from "../../worker/domain/dates";
import { apiFetch, APP_URL, createUser, type OrganisationFixture } from "../helpers/accounts";
import { discardUnreadBody, sessionCookie } from "../connection/helpers";
import { dossier, push, type organismeAvecCle } from "../ingestion/helpers";

export interface CommuneFixture {
  insee: string;
  postal: string;
  nom: string;
}

/** A commune of its own (fake codes of département 9x), so that the tests sharing a D1 do not see each other. */
export function communeUnique(nom = "Commune de test"): CommuneFixture {
  const n = crypto.getRandomValues(new Uint32Array(1))[0];
  return {
    insee: `9${String(n % 10_000).padStart(4, "0")}`,
    postal: `9${String((n >>> 14) % 10_000).padStart(4, "0")}`,
    nom,
  };
}

export const CLERMONT: CommuneFixture = { insee: "63113", postal: "63000", nom: "Clermont-Ferrand" };

export interface MissionLocaleFixture {
  id: string;
  nom: string;
  codeRegion: string;
  communes: CommuneFixture[];
}

/** A Mission Locale of the référentiel with its zone. */
export async function createMissionLocale(
  options: { communes?: CommuneFixture[]; codeRegion?: string; codeDepartement?: string; nom?: string } = {},
): Promise<MissionLocaleFixture> {
  const id = crypto.randomUUID();
  const communes = options.communes ?? [communeUnique()];
  const nom = options.nom ?? `Mission Locale de test ${id.slice(0, 6)}`;
  const codeRegion = options.codeRegion ?? "84";
  await env.DB.batch([
    env.DB.prepare(
      "INSERT INTO missions_locales (id, nom, commune, code_postal, code_departement, code_region, telephone, email) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    ).bind(
      id,
      nom,
      communes[0].nom,
      communes[0].postal,
      options.codeDepartement ?? "63",
      codeRegion,
      "04 73 00 00 00",
      "ml@example.fr",
    ),
    ...communes.map((c) =>
      env.DB.prepare(
        "INSERT INTO mission_locale_communes (mission_locale_id, code_insee, code_postal, nom) VALUES (?, ?, ?, ?)",
      ).bind(id, c.insee, c.postal, c.nom),
    ),
  ]);
  return { id, nom, codeRegion, communes };
}

export interface Utilisateur {
  userId: string;
  email: string;
  cookie: string;
}

export async function utilisateur(
  organisation: OrganisationFixture,
  names: { prenom?: string; nom?: string } = {},
): Promise<Utilisateur> {
  const user = await createUser({ organisation, ...names });
  return { userId: user.id, email: user.email, cookie: await sessionCookie(user.id) };
}

/** An active user of the Mission Locale's organisation, with a session. */
export const conseiller = (ml: MissionLocaleFixture, names: { prenom?: string; nom?: string } = {}) =>
  utilisateur({ type: "MISSION_LOCALE", missionLocaleId: ml.id, label: ml.nom }, names);

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

export interface RuptureOptions {
  idErp?: string;
  nom?: string;
  prenom?: string;
  /** age at today (default 19) */
  age?: number;
  rqth?: boolean;
  /** the home: its INSEE code (null: none in the dossier) and postal code */
  commune?: { insee: string | null; postal: string | null };
  /** days between the rupture of the only contract and today (default 10) */
  ruptureIlYA?: number;
  /** a second contract started that many days ago */
  nouveauContratIlYA?: number;
  extra?: Record<string, unknown>;
}

/** A dossier of this school year whose only contract was broken `ruptureIlYA` days ago. */
export function dossierEnRupture(organisme: { uai: string | null; siret: string }, options: RuptureOptions = {}) {
  const today = todayParis();
  const entree = addDays(today, -400);
  const fin = addDays(today, 300);
  const commune = options.commune ?? { insee: CLERMONT.insee, postal: CLERMONT.postal };
  const d: Record<string, unknown> = dossier(organisme, {
    id_erp_apprenant: options.idErp ?? `R-${crypto.randomUUID().slice(0, 8)}`,
    nom_apprenant: options.nom ?? "Martin",
    prenom_apprenant: options.prenom ?? "Léa",
    date_de_naissance_apprenant: addDays(addYears(today, -(options.age ?? 19)), -20),
    annee_scolaire: anneeScolaireOf(today),
    date_inscription_formation: addDays(entree, -20),
    date_entree_formation: entree,
    date_fin_formation: fin,
    contrat_date_debut: addDays(entree, 10),
    contrat_date_fin: fin,
    contrat_date_rupture: addDays(today, -(options.ruptureIlYA ?? 10)),
    cause_rupture_contrat: "Démission",
    siret_employeur: "98765432100017",
    tel_apprenant: "0611223344",
    email_contact: "lea.martin@exemple.fr",
    adresse_apprenant: "12 rue des Gras",
    nir_apprenant: "2050363113123",
    rqth_apprenant: options.rqth ?? false,
    ...options.extra,
  });
  if (commune.insee) d.code_commune_insee_apprenant = commune.insee;
  if (commune.postal) d.code_postal_apprenant = commune.postal;
  if (options.nouveauContratIlYA !== undefined) {
    d.contrat_date_debut_2 = addDays(today, -options.nouveauContratIlYA);
    d.contrat_date_fin_2 = fin;
    d.siret_employeur_2 = "12345678900017";
  }
  return d;
}

interface PushItem {
  validation_errors: { message: string; path: string }[];
  outcome: string;
  statut: string | null;
  effectif_id: string | null;
}

/**
 * Pushes dossiers with the organisme's key (POST /api/v3/dossiers-apprenants), each of which must be written;
 * returns their effectif ids and statuts.
 */
export async function pousser(key: string, dossiers: Record<string, unknown>[]) {
  const response = await push(key, dossiers);
  const body = (await response.json()) as { data: PushItem[] };
  expect(response.status, JSON.stringify(body)).toBe(200);
  for (const item of body.data) {
    expect(item.validation_errors, JSON.stringify(item)).toEqual([]);
    expect(["created", "updated", "unchanged"]).toContain(item.outcome);
  }
  return body.data.map((item) => ({ effectifId: item.effectif_id!, statut: item.statut }));
}

/** GET as JSON, with the expected status. */
export async function getJson<T>(path: string, cookie: string, status = 200): Promise<T> {
  const response = await apiFetch(path, { cookie });
  const text = await response.text();
  expect(response.status, `${path}: ${text}`).toBe(status);
  return JSON.parse(text) as T;
}

export interface LiveMessage {
  type: string;
  organismeIds?: string[];
  receivedAt: number;
}

/**
 * Opens a live socket (`path`: a worklist's or an ARML's) and waits for its snapshot; closed when the test ends,
 * waiting for the hub's answer. `next` waits up to `timeoutMs` for a message.
 */
export async function openLive(path: string, cookie: string) {
  const response = discardUnreadBody(
    await SELF.fetch(`${APP_URL}${path}`, { headers: { Cookie: cookie, Origin: APP_URL, Upgrade: "websocket" } }),
  );
  const ws = response.webSocket;
  if (!ws) throw new Error(`socket refused: ${response.status}`);
  const closed = new Promise<CloseEvent>((resolve) => ws.addEventListener("close", resolve));
  onTestFinished(async () => {
    if (ws.readyState === WebSocket.OPEN) ws.close(1000, "fin");
    await closed;
  });
  const messages: LiveMessage[] = [];
  ws.addEventListener("message", (event) => {
    if (event.data !== "pong") messages.push({ ...JSON.parse(event.data as string), receivedAt: Date.now() });
  });
  ws.accept();
  async function next(predicate: (m: LiveMessage) => boolean, timeoutMs = 2000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = messages.find(predicate);
      if (found || Date.now() > deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  expect(await next((m) => m.type === "snapshot")).toBeDefined();
  return { messages, next };
}

type Cfa = Awaited<ReturnType<typeof organismeAvecCle>>;

/**
 * The live check shared by a Mission Locale's worklist and an ARML's view: a rupture that `dehors` pushes in
 * `ailleurs` tells the open socket nothing; one that `dedans` pushes in `ici` tells it within 1.5 s of the ERP's
 * answer, naming `dedans` and not `dehors`. Returns the learner pushed in the zone.
 */
export async function ruptureDehorsPuisDedans(
  socket: Awaited<ReturnType<typeof openLive>>,
  communes: { ici: CommuneFixture; ailleurs: CommuneFixture },
  cfas: { dedans: Cfa; dehors: Cfa },
): Promise<string> {
  const { ici, ailleurs } = communes;
  const { dedans, dehors } = cfas;
  await pousser(dehors.key, [
    dossierEnRupture(dehors.organisme, { commune: { insee: ailleurs.insee, postal: ailleurs.postal } }),
  ]);
  await new Promise((resolve) => setTimeout(resolve, 1200));
  expect(socket.messages.filter((m) => m.type === "perimetre-changed")).toEqual([]);

  const started = Date.now();
  const [{ effectifId }] = await pousser(dedans.key, [
    dossierEnRupture(dedans.organisme, { commune: { insee: ici.insee, postal: ici.postal } }),
  ]);
  const answered = Date.now();
  const message = await socket.next(
    (m) => m.type === "perimetre-changed" && m.receivedAt >= started && !!m.organismeIds?.includes(dedans.organisme.id),
    1500,
  );
  expect(message?.receivedAt).toBeLessThan(answered + 1500);
  expect(message?.organismeIds).not.toContain(dehors.organisme.id);
  return effectifId;
}
