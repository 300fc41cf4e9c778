import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { todayParis } from "../../worker/domain/dates";
import type { OrganismeFicheResponse } from "../../worker/domain/organisme-fiche";
import type { TransmissionView } from "../../worker/domain/transmission-view";
import {
  apiFetch,
  createOrganisme,
  createUser,
  loginAs,
  type OrganisationFixture,
  type OrganismeFixture,
} from "../helpers/accounts";
import { openLive } from "../connection/helpers";
import { dossier, organismeAvecCle, push } from "../ingestion/helpers";

let territoire = 0;
function nouveauTerritoire() {
  territoire++;
  return { region: `L${territoire}`, departement: `LD${territoire}`, academie: `LA${territoire}` };
}

const cookieOf = async (organisation: OrganisationFixture | "admin") =>
  loginAs((await createUser(organisation === "admin" ? { isAdmin: true } : { organisation })).email);

/** A connected organisme of a new région, with a formateur, one learner each and an invalid dossier pushed. */
async function organismeTransmis() {
  const codes = nouveauTerritoire();
  const responsable = await createOrganisme(codes);
  const formateur = await createOrganisme(nouveauTerritoire());
  await env.DB.prepare("INSERT INTO organisme_relations (responsable_id, formateur_id) VALUES (?, ?)")
    .bind(responsable.id, formateur.id)
    .run();
  const { key } = await organismeAvecCle({ organisme: responsable });
  const pushed = await push(key, [
    dossier(responsable, { id_erp_apprenant: "L1" }),
    dossier(responsable, {
      id_erp_apprenant: "L2",
      etablissement_formateur_uai: formateur.uai,
      etablissement_formateur_siret: formateur.siret,
    }),
    dossier(responsable, { id_erp_apprenant: "L3", date_entree_formation: "pas une date" }),
  ]);
  expect(pushed.status).toBe(200);
  const effectifId = ((await pushed.json()) as { data: { effectif_id: string }[] }).data[0].effectif_id;
  const { transmissionId } = (await env.DB.prepare(
    "SELECT id AS transmissionId FROM transmissions WHERE organisme_id = ?",
  )
    .bind(responsable.id)
    .first<{ transmissionId: string }>())!;
  return { codes, responsable, formateur, effectifId, transmissionId };
}

/** What a territorial user may read of an organisme: its card, counters, transmissions and their state. */
const LECTURE = [
  "",
  "/indicateurs?date=2024-01-15",
  "/indicateurs/formations?date=2024-01-15",
  "/indicateurs/evolution?annee=2023-2024",
  "/transmissions?jours=30",
  `/transmissions?date=${todayParis()}`,
  "/transmission",
];

/** Every route that shows learners (or names people), and every route that writes. */
const nominatives = (o: { effectifId: string; transmissionId: string }) => [
  ["GET", "/effectifs"],
  ["GET", "/effectifs/export?format=csv"],
  ["GET", `/effectifs/${o.effectifId}`],
  ["GET", "/indicateurs/liste?indicateur=apprentis&date=2024-01-15"],
  ["GET", "/indicateurs/liste?indicateur=apprentis&date=2024-01-15&export=csv"],
  ["GET", `/transmissions/${o.transmissionId}`],
  ["GET", "/sifa?annee=2023-2024"],
  ["GET", "/sifa/fichier?annee=2023-2024&format=csv"],
  ["GET", "/audit"],
  ["POST", "/fichier/verification"],
  ["POST", "/fichier/import"],
  ["POST", "/transmission/erp"],
  ["POST", "/transmission/reinitialiser"],
];

async function get(path: string, cookie: string) {
  const response = await apiFetch(path, { cookie });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const loggedReads = async (userId: string) =>
  (await env.DB.prepare("SELECT count(*) AS n FROM downloads_log WHERE user_id = ?")
    .bind(userId)
    .first<{ n: number }>())!.n;

describe("a territorial user reads an organisme of its perimeter", () => {
  it("a DREETS reads the card, the counters and the transmissions of an organisme of its région, as the OFA does", async () => {
    const o = await organismeTransmis();
    const dreets = await cookieOf({ type: "DREETS", codeRegion: o.codes.region });
    const ofa = await loginAs((await createUser({ organismeId: o.responsable.id })).email);
    const base = `/api/organismes/${o.responsable.id}`;
    for (const path of LECTURE) {
      const [lu, propre] = [await get(`${base}${path}`, dreets), await get(`${base}${path}`, ofa)];
      expect(lu.status, path).toBe(200);
      if (path === "/transmission") {
        expect((lu.body as unknown as TransmissionView).canConfigure).toBe(false);
        expect((propre.body as unknown as TransmissionView).canConfigure).toBe(true);
      } else {
        expect(lu.body, path).toEqual(propre.body);
      }
    }
    const fiche = (await get(base, dreets)).body as unknown as OrganismeFicheResponse;
    expect(fiche.organisme).toMatchObject({ id: o.responsable.id, formateurs: 1, fiabilite: { fiable: true } });
    expect(fiche.organisme.derniereTransmission).toMatchObject({ total: 3, invalid: 1 });
    const { indicateurs } = (await get(`${base}/indicateurs?date=2024-01-15`, dreets)).body as {
      indicateurs: { apprenants: number };
    };
    // itself and its formateur
    expect(indicateurs.apprenants).toBe(2);
  });

  it("sees the connection's steps and dates but not who took them nor the key's prefix, by HTTP and live", async () => {
    const o = await organismeTransmis();
    const dreets = await cookieOf({ type: "DREETS", codeRegion: o.codes.region });
    const ofa = await loginAs((await createUser({ organismeId: o.responsable.id })).email);
    const view = async (cookie: string) =>
      (await get(`/api/organismes/${o.responsable.id}/transmission`, cookie)).body as unknown as TransmissionView;
    const [lu, propre] = [await view(dreets), await view(ofa)];
    expect(propre.connection.confirmation?.by).toBe("Camille Test");
    expect(propre.connection.key?.prefix).not.toBe("");
    expect(lu.connection).toMatchObject({
      status: propre.connection.status,
      confirmation: { by: "", userId: null, at: propre.connection.confirmation?.at },
      key: { prefix: "", generatedBy: "", generatedAt: propre.connection.key?.generatedAt },
    });
    expect(lu.settings.configuredBy).toBeNull();
    const snapshots = [];
    for (const cookie of [dreets, ofa]) {
      const { socket } = await openLive(o.responsable.id, cookie);
      snapshots.push(
        (await socket!.next((m) => m.type === "snapshot")) as unknown as { connection: TransmissionView["connection"] },
      );
      await socket!.close();
    }
    expect(snapshots.map((s) => s.connection.confirmation?.by)).toEqual(["", "Camille Test"]);
    expect(snapshots[0].connection.key?.prefix).toBe("");
  });

  it("follows it live", async () => {
    const o = await organismeTransmis();
    const dreets = await cookieOf({ type: "DREETS", codeRegion: o.codes.region });
    const { response, socket } = await openLive(o.responsable.id, dreets);
    expect(response.status).toBe(101);
    expect(await socket!.next((m) => m.type === "snapshot")).toMatchObject({ organismeId: o.responsable.id });
    await socket!.close();
  });

  it("answers 403 on every nominative route, and logs no read", async () => {
    const o = await organismeTransmis();
    const user = await createUser({ organisation: { type: "DREETS", codeRegion: o.codes.region } });
    const dreets = await loginAs(user.email);
    for (const [method, path] of nominatives(o)) {
      const response = await apiFetch(`/api/organismes/${o.responsable.id}${path}`, {
        method,
        cookie: dreets,
        body: method === "POST" ? { dossiers: [{}], erp: "gesti" } : undefined,
      });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(((await response.json()) as { error: string }).error).toBe("Forbidden");
    }
    const refused = await apiFetch(`/api/organismes/${o.responsable.id}/effectifs`, { cookie: dreets });
    expect(await refused.json()).toEqual({
      error: "Forbidden",
      message: "Les données nominatives de cet organisme ne sont pas accessibles depuis votre périmètre.",
    });
    expect(await loggedReads(user.id)).toBe(0);
  });

  it("answers 403 on an organisme of another région, known or not, and on a formateur outside its région", async () => {
    const o = await organismeTransmis();
    const autre = await createOrganisme(nouveauTerritoire());
    const dreets = await cookieOf({ type: "DREETS", codeRegion: o.codes.region });
    for (const id of [autre.id, o.formateur.id, crypto.randomUUID()]) {
      for (const path of LECTURE) {
        const response = await apiFetch(`/api/organismes/${id}${path}`, { cookie: dreets });
        expect(response.status, `${id}${path}`).toBe(403);
        expect(await response.json()).toEqual({
          error: "Forbidden",
          message: "Vous n'avez pas accès à cet organisme.",
        });
      }
    }
  });

  it("a réseau reads its members, a DDETS and an académie their territory, nothing else", async () => {
    const o = await organismeTransmis();
    const horsReseau = await createOrganisme(o.codes);
    const reseau = `RES-${crypto.randomUUID()}`;
    await env.DB.prepare("INSERT INTO reseau_membres (reseau, organisme_id) VALUES (?, ?)")
      .bind(reseau, o.responsable.id)
      .run();
    const status = async (cookie: string, organisme: OrganismeFixture) =>
      (await apiFetch(`/api/organismes/${organisme.id}/indicateurs`, { cookie })).status;
    const membres = await cookieOf({ type: "RESEAU", reseau });
    expect(await status(membres, o.responsable)).toBe(200);
    expect(await status(membres, horsReseau)).toBe(403);
    const ddets = await cookieOf({ type: "DDETS", codeDepartement: o.codes.departement });
    expect(await status(ddets, horsReseau)).toBe(200);
    const academie = await cookieOf({ type: "ACADEMIE", codeAcademie: o.codes.academie });
    expect(await status(academie, horsReseau)).toBe(200);
    const voisine = await cookieOf({ type: "ACADEMIE", codeAcademie: "autre" });
    expect(await status(voisine, horsReseau)).toBe(403);
  });
});

describe("the OFA and the administrators keep their rights", () => {
  it("an OFA reads everything of itself and its formateurs, nothing of an organisme of its région", async () => {
    const o = await organismeTransmis();
    const voisin = await createOrganisme(o.codes);
    const ofa = await loginAs((await createUser({ organismeId: o.responsable.id })).email);
    for (const [method, path] of nominatives(o).filter(([method]) => method === "GET")) {
      const response = await apiFetch(`/api/organismes/${o.responsable.id}${path}`, { method, cookie: ofa });
      expect(response.status, path).toBe(200);
      await response.body?.cancel();
    }
    const formateur = await apiFetch(`/api/organismes/${o.formateur.id}/effectifs`, { cookie: ofa });
    expect(formateur.status).toBe(200);
    await formateur.body?.cancel();
    expect((await apiFetch(`/api/organismes/${voisin.id}`, { cookie: ofa })).status).toBe(403);
  });

  it("an administrator reads every nominative route of any organisme", async () => {
    const o = await organismeTransmis();
    const admin = await cookieOf("admin");
    for (const [, path] of nominatives(o).filter(([method]) => method === "GET")) {
      const response = await apiFetch(`/api/organismes/${o.responsable.id}${path}`, { cookie: admin });
      expect(response.status, path).toBe(200);
      await response.body?.cancel();
    }
  });
});
