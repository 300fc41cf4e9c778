import { env, SELF } from "cloudflare:test";
import { hashPassword } from "../../worker/lib/crypto";

/** Fixtures written straight into D1, shared by every test file. */

export const APP_URL = "http://localhost:8787";
export const DEFAULT_PASSWORD = "mot-de-passe-de-test";
/** Low on purpose: fixtures need no real hashing cost; verifyPassword reads the count from the hash. */
const FIXTURE_ITERATIONS = 1_000;

export interface OrganismeFixture {
  id: string;
  uai: string | null;
  siret: string;
  raisonSociale: string;
  enseigne: string | null;
  nature: string;
  commune: string | null;
  departement: string | null;
  region: string | null;
  academie: string | null;
  ferme: boolean;
  referentiel: boolean;
}

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
  await env.DB.prepare(
    `INSERT INTO organismes (id, uai, siret, raison_sociale, enseigne, nature, commune, departement, region, academie,
                             ferme, referentiel, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      organisme.id,
      organisme.uai,
      organisme.siret,
      organisme.raisonSociale,
      organisme.enseigne,
      organisme.nature,
      organisme.commune,
      organisme.departement,
      organisme.region,
      organisme.academie,
      organisme.ferme ? 1 : 0,
      organisme.referentiel ? 1 : 0,
      now,
      now,
    )
    .run();
  return organisme;
}

export type OrganisationType = "ORGANISME_FORMATION" | "RESEAU" | "DREETS" | "DDETS" | "ACADEMIE" | "ADMINISTRATEUR";

export interface OrganisationFixture {
  type: OrganisationType;
  label?: string;
  organismeId?: string | null;
  reseau?: string | null;
  codeRegion?: string | null;
  codeDepartement?: string | null;
  codeAcademie?: string | null;
}

/** Returns the id of the organisation matching the fixture, creating it when missing (like the sign-up does). */
export async function createOrganisation(fixture: OrganisationFixture): Promise<string> {
  const existing = await env.DB.prepare(
    `SELECT id FROM organisations WHERE type = ? AND organisme_id IS ? AND reseau IS ? AND code_region IS ?
        AND code_departement IS ? AND code_academie IS ?`,
  )
    .bind(
      fixture.type,
      fixture.organismeId ?? null,
      fixture.reseau ?? null,
      fixture.codeRegion ?? null,
      fixture.codeDepartement ?? null,
      fixture.codeAcademie ?? null,
    )
    .first<{ id: string }>();
  if (existing) return existing.id;
  const id = crypto.randomUUID();
  await env.DB.prepare(
    `INSERT INTO organisations (id, type, label, organisme_id, reseau, code_region, code_departement, code_academie, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      id,
      fixture.type,
      fixture.label ?? `${fixture.type} de test`,
      fixture.organismeId ?? null,
      fixture.reseau ?? null,
      fixture.codeRegion ?? null,
      fixture.codeDepartement ?? null,
      fixture.codeAcademie ?? null,
      new Date().toISOString(),
    )
    .run();
  return id;
}

export interface UserFixture {
  email?: string;
  password?: string;
  civilite?: string | null;
  prenom?: string;
  nom?: string;
  /** pending | active | disabled (default active) */
  status?: string;
  isAdmin?: boolean;
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
  await env.DB.prepare(
    `INSERT INTO users (id, email, password_hash, civilite, prenom, nom, organisation_id, status, is_admin, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      id,
      email,
      await hashPassword(password, FIXTURE_ITERATIONS),
      fixture.civilite ?? "Madame",
      fixture.prenom ?? "Camille",
      fixture.nom ?? "Martin",
      organisationId,
      fixture.status ?? "active",
      fixture.isAdmin ? 1 : 0,
      new Date().toISOString(),
    )
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
