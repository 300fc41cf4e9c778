import { env, SELF } from "cloudflare:test";
import { organismes, users } from "../../db/schema";
import { database } from "../../worker/data/db";
import { findOrganisation, insertOrganisationIfAbsent } from "../../worker/data/organisations";
import { hashPassword } from "../../worker/lib/crypto";

/** Fixtures written straight into D1, shared by every test file. */

export const APP_URL = "http://localhost:8787";
export const DEFAULT_PASSWORD = "mot-de-passe-de-test";
/** Low on purpose: fixtures need no real hashing cost; verifyPassword reads the count from the hash. */
const FIXTURE_ITERATIONS = 1_000;

export type OrganismeFixture = Pick<
  typeof organismes.$inferSelect,
  | "id"
  | "uai"
  | "siret"
  | "raisonSociale"
  | "enseigne"
  | "nature"
  | "commune"
  | "departement"
  | "region"
  | "academie"
  | "ferme"
  | "referentiel"
>;

let sequence = 0;
const next = () => ++sequence + Math.floor(Math.random() * 1_000_000) * 100;

/** Inserts an organisme; UAI and SIRET are unique and well-formed unless given. */
export async function createOrganisme(overrides: Partial<OrganismeFixture> = {}): Promise<OrganismeFixture> {
  const n = next();
  const organisme: OrganismeFixture = {
    id: crypto.randomUUID(),
    uai: `${String(n % 10_000_000).padStart(7, "0")}${String.fromCharCode(65 + (n % 26))}`,
    siret: String(n).padStart(14, "1"),
    raisonSociale: `CFA DE TEST ${n}`,
    enseigne: null,
    nature: "responsable_formateur",
    commune: "Paris",
    departement: "75",
    region: "11",
    academie: "01",
    ferme: false,
    referentiel: true,
    ...overrides,
  };
  const now = new Date().toISOString();
  await database(env.DB)
    .insert(organismes)
    .values({ ...organisme, createdAt: now, updatedAt: now })
    .run();
  return organisme;
}

export type OrganisationType =
  "ORGANISME_FORMATION" | "RESEAU" | "DREETS" | "DDETS" | "ACADEMIE" | "MISSION_LOCALE" | "ARML" | "ADMINISTRATEUR";

export interface OrganisationFixture {
  type: OrganisationType;
  label?: string;
  organismeId?: string | null;
  reseau?: string | null;
  codeRegion?: string | null;
  codeDepartement?: string | null;
  codeAcademie?: string | null;
  missionLocaleId?: string | null;
}

/** Returns the id of the organisation matching the fixture, creating it when missing (like the sign-up does). */
export async function createOrganisation(fixture: OrganisationFixture): Promise<string> {
  const db = database(env.DB);
  const key = {
    type: fixture.type,
    organismeId: fixture.organismeId ?? null,
    reseau: fixture.reseau ?? null,
    codeRegion: fixture.codeRegion ?? null,
    codeDepartement: fixture.codeDepartement ?? null,
    codeAcademie: fixture.codeAcademie ?? null,
    missionLocaleId: fixture.missionLocaleId ?? null,
  };
  const existing = await findOrganisation(db, key);
  if (existing) return existing.id;
  const id = crypto.randomUUID();
  const created = await insertOrganisationIfAbsent(db, {
    id,
    ...key,
    label: fixture.label ?? `${fixture.type} de test`,
    createdAt: new Date().toISOString(),
  });
  if (!created) throw new Error(`organisation ${fixture.type} déjà présente`);
  return id;
}

export interface UserFixture {
  email?: string;
  password?: string;
  civilite?: string | null;
  prenom?: string;
  nom?: string;
  /** pending | active | disabled (default active) */
  status?: "pending" | "active" | "disabled";
  isAdmin?: boolean;
  /** the role in the organisation (default: administrateur for the organisation's first active user, like a validation) */
  role?: "administrateur" | "membre";
  /** an existing organisation, or one described here (default: an OFA of `organismeId`, or an ADMINISTRATEUR when isAdmin) */
  organisationId?: string;
  organisation?: OrganisationFixture;
  organismeId?: string;
}

export interface CreatedUser {
  id: string;
  email: string;
  password: string;
  organisationId: string;
}

/** Inserts a user (active by default). Give `organismeId` for an OFA user, `isAdmin` for an administrator. */
export async function createUser(fixture: UserFixture = {}): Promise<CreatedUser> {
  const email = (fixture.email ?? `utilisateur-${next()}@example.fr`).toLowerCase();
  const password = fixture.password ?? DEFAULT_PASSWORD;
  let organisationId = fixture.organisationId;
  if (!organisationId) {
    let organisation = fixture.organisation;
    if (!organisation && fixture.isAdmin) organisation = { type: "ADMINISTRATEUR", label: "Administration" };
    if (!organisation) {
      const organismeId = fixture.organismeId ?? (await createOrganisme()).id;
      organisation = { type: "ORGANISME_FORMATION", organismeId };
    }
    organisationId = await createOrganisation(organisation);
  }
  const id = crypto.randomUUID();
  const status = fixture.status ?? "active";
  const administrateur = await env.DB.prepare(
    "SELECT 1 FROM users WHERE organisation_id = ? AND status = 'active' AND role = 'administrateur'",
  )
    .bind(organisationId)
    .first();
  const role = fixture.role ?? (status === "active" && !administrateur ? "administrateur" : "membre");
  await database(env.DB)
    .insert(users)
    .values({
      id,
      email,
      passwordHash: await hashPassword(password, FIXTURE_ITERATIONS),
      civilite: fixture.civilite ?? "Madame",
      prenom: fixture.prenom ?? "Camille",
      nom: fixture.nom ?? "Martin",
      organisationId,
      status,
      isAdmin: fixture.isAdmin ?? false,
      role,
      createdAt: new Date().toISOString(),
    })
    .run();
  return { id, email, password, organisationId };
}

/** Logs in through the API; returns the `Cookie` header value to send with later requests. */
export async function loginAs(email: string, password: string = DEFAULT_PASSWORD): Promise<string> {
  const response = await SELF.fetch(`${APP_URL}/api/auth/connexion`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: APP_URL },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`loginAs(${email}) failed: ${response.status} ${await response.text()}`);
  const match = /tba_session=([^;]+)/.exec(response.headers.get("Set-Cookie") ?? "");
  if (!match) throw new Error(`loginAs(${email}): no session cookie`);
  return `tba_session=${match[1]}`;
}

/** A same-origin JSON request carrying a session cookie. */
export function apiFetch(
  path: string,
  init: { method?: string; body?: unknown; cookie?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { Origin: APP_URL, ...init.headers };
  if (init.cookie) headers.Cookie = init.cookie;
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  return SELF.fetch(`${APP_URL}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}
