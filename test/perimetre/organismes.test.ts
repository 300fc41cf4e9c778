import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { anneeScolaireOf } from "../../worker/domain/annee-scolaire";
import { todayParis } from "../../worker/domain/dates";
import type {
  OrganismePerimetre,
  OrganismesPerimetreExport,
  OrganismesPerimetrePage,
} from "../../worker/domain/perimetre-organismes";
import {
  apiFetch,
  createOrganisme,
  createUser,
  loginAs,
  type OrganisationFixture,
  type OrganismeFixture,
} from "../helpers/accounts";

const URL = "/api/perimetre/organismes";
const TODAY = todayParis();
const ANNEE = anneeScolaireOf(TODAY);
const YESTERDAY = new Date(Date.parse(`${TODAY}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Territory codes unique to each test: tests sharing this file's D1 never see each other's organismes. */
let territoire = 0;
function nouveauTerritoire() {
  territoire++;
  return { region: `R${territoire}`, departement: `D${territoire}`, academie: `A${territoire}` };
}

async function userOf(organisation: OrganisationFixture | "admin") {
  const user = await createUser(organisation === "admin" ? { isAdmin: true } : { organisation });
  return loginAs(user.email);
}

const dreetsOf = (region: string) => userOf({ type: "DREETS", codeRegion: region });

async function page(cookie: string, query = "") {
  const response = await apiFetch(`${URL}?${query}`, { cookie });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as OrganismesPerimetrePage;
}

const ids = (rows: OrganismePerimetre[]) => rows.map((r) => r.id);

/** Statut intervals of one effectif this school year; the triggers keep the monthly counters. */
async function effectif(organismeId: string, intervals: { statut: string; du?: string; au?: string | null }[]) {
  const id = crypto.randomUUID();
  await env.DB.batch(
    intervals.map((i) =>
      env.DB.prepare(
        "INSERT INTO effectif_statuts (effectif_id, organisme_id, annee_scolaire, du, au, statut) VALUES (?, ?, ?, ?, ?, ?)",
      ).bind(id, organismeId, ANNEE, i.du ?? "0000-01-01", i.au ?? null, i.statut),
    ),
  );
}

const relation = (responsableId: string, formateurId: string) =>
  env.DB.prepare("INSERT INTO organisme_relations (responsable_id, formateur_id) VALUES (?, ?)")
    .bind(responsableId, formateurId)
    .run();

async function invalides(organismeId: string, n: number) {
  await env.DB.batch(
    Array.from({ length: n }, (_, i) =>
      env.DB.prepare(
        "INSERT INTO dossiers_recus (organisme_id, identity, transmission_id, outcome, received_at) VALUES (?, ?, 't', ?, ?)",
      ).bind(organismeId, `${ANNEE}|X${i}`, "invalid", new Date().toISOString()),
    ),
  );
}

/** A push recorded for the organisme, as the ingestion leaves it. */
async function transmet(organismeId: string, at: string) {
  await env.DB.batch([
    env.DB.prepare(
      "INSERT INTO transmissions (id, organisme_id, received_at, total, created, updated, unchanged, held, invalid) VALUES (?, ?, ?, 1, 1, 0, 0, 0, 0)",
    ).bind(crypto.randomUUID(), organismeId, at),
    env.DB.prepare("UPDATE organismes SET last_transmission_at = ? WHERE id = ?").bind(at, organismeId),
  ]);
}

/** Transmission settings as the Paramètres steps leave them (a current key for the key flow). */
async function parametre(
  organismeId: string,
  settings: { mode: "api" | "manuel"; erp?: string | null; erpAutre?: string; configured?: boolean; cle?: boolean },
) {
  const now = new Date().toISOString();
  await env.DB.prepare(
    "UPDATE organismes SET mode_transmission = ?, erp = ?, erp_autre = ?, configured_at = ? WHERE id = ?",
  )
    .bind(settings.mode, settings.erp ?? null, settings.erpAutre ?? null, settings.configured ? now : null, organismeId)
    .run();
  if (settings.cle) {
    await env.DB.prepare("INSERT INTO api_keys (id, organisme_id, key_hash, prefix, created_at) VALUES (?, ?, ?, ?, ?)")
      .bind(crypto.randomUUID(), organismeId, crypto.randomUUID(), "abcd1234", now)
      .run();
  }
}

/**
 * One région of two départements: a connected responsable with a formateur (in another région), one in manual
 * mode, one waiting for its confirmation, one not set up and outside the référentiel, one fermé.
 */
async function region() {
  const codes = nouveauTerritoire();
  const d2 = `${codes.departement}b`;
  const responsable = await createOrganisme({
    ...codes,
    raisonSociale: "CFA DES METIERS",
    enseigne: "Campus Alpha",
    nature: "responsable",
    commune: "Lyon",
  });
  const formateur = await createOrganisme({ ...nouveauTerritoire(), nature: "formateur", raisonSociale: "ANNEXE" });
  await relation(responsable.id, formateur.id);
  const manuel = await createOrganisme({
    ...codes,
    departement: d2,
    raisonSociale: "ECOLE BETA 100%",
    nature: "formateur",
    commune: "Annecy",
  });
  const attente = await createOrganisme({
    ...codes,
    raisonSociale: "GAMMA FORMATION",
    nature: "responsable_formateur",
  });
  const horsReferentiel = await createOrganisme({
    ...codes,
    departement: d2,
    raisonSociale: "DELTA HORS REFERENTIEL",
    referentiel: false,
    commune: "Chambéry",
  });
  const ferme = await createOrganisme({ ...codes, raisonSociale: "EPSILON FERME", ferme: true });

  await parametre(responsable.id, { mode: "api", erp: "ymag", configured: true, cle: true });
  await parametre(manuel.id, { mode: "manuel", erp: "autre", erpAutre: "Mon Logiciel", configured: true });
  await parametre(attente.id, { mode: "api", erp: "gesti", cle: true });

  // responsable: 2 apprentis (one at its formateur), 1 inscrit who became rupturant today
  await effectif(responsable.id, [{ statut: "APPRENTI" }]);
  await effectif(formateur.id, [{ statut: "FIN_DE_FORMATION" }]);
  await effectif(responsable.id, [
    { statut: "INSCRIT", au: YESTERDAY },
    { statut: "RUPTURANT", du: TODAY },
  ]);
  // manuel: 1 inscrit, 1 abandon
  await effectif(manuel.id, [{ statut: "INSCRIT" }]);
  await effectif(manuel.id, [{ statut: "ABANDON" }]);
  // a non-fiable organisme is named, and shows its own counters
  await effectif(horsReferentiel.id, [{ statut: "APPRENTI" }]);

  await invalides(responsable.id, 2);
  await invalides(formateur.id, 1);
  await invalides(manuel.id, 1);

  await transmet(responsable.id, "2026-01-10T08:00:00.000Z");
  await transmet(manuel.id, "2026-02-01T08:00:00.000Z");
  await transmet(horsReferentiel.id, "2026-01-05T08:00:00.000Z");

  return { codes, d2, responsable, formateur, manuel, attente, horsReferentiel, ferme };
}

describe("GET /api/perimetre/organismes — who sees which organismes", () => {
  it("answers 401 to a visitor and a French 403 to an OFA", async () => {
    expect((await apiFetch(URL)).status).toBe(401);
    const organisme = await createOrganisme();
    const ofa = await loginAs((await createUser({ organismeId: organisme.id })).email);
    const response = await apiFetch(URL, { cookie: ofa });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: "Forbidden",
      message:
        "La liste des organismes d'un périmètre est réservée aux réseaux, aux opérateurs publics et aux administrateurs.",
    });
  });

  it("gives a DREETS every organisme of its région, fiable or not, and nothing of another région", async () => {
    const r = await region();
    const autre = await createOrganisme(nouveauTerritoire());
    const body = await page(await dreetsOf(r.codes.region), "taille=200");
    expect(new Set(ids(body.rows))).toEqual(
      new Set([r.responsable.id, r.manuel.id, r.attente.id, r.horsReferentiel.id, r.ferme.id]),
    );
    expect(ids(body.rows)).not.toContain(autre.id);
    // its formateur elsewhere is counted in its row, not listed
    expect(ids(body.rows)).not.toContain(r.formateur.id);
    expect(body.total).toBe(5);
    expect(body.perimetre).toEqual({ region: r.codes.region, departement: null, academie: null, reseau: null });
    expect(body.anneeScolaire).toBe(ANNEE);
  });

  it("gives a réseau its members only, a DDETS its département, an administrator the country", async () => {
    const r = await region();
    const reseau = `RES-${crypto.randomUUID()}`;
    await env.DB.batch(
      [r.manuel.id, r.formateur.id].map((id) =>
        env.DB.prepare("INSERT INTO reseau_membres (reseau, organisme_id) VALUES (?, ?)").bind(reseau, id),
      ),
    );
    const membres = await page(await userOf({ type: "RESEAU", reseau }));
    expect(new Set(ids(membres.rows))).toEqual(new Set([r.manuel.id, r.formateur.id]));

    const ddets = await page(await userOf({ type: "DDETS", codeDepartement: r.d2 }));
    expect(new Set(ids(ddets.rows))).toEqual(new Set([r.manuel.id, r.horsReferentiel.id]));

    const admin = await page(await userOf("admin"), `recherche=${encodeURIComponent("CFA DES METIERS")}&taille=200`);
    expect(ids(admin.rows)).toContain(r.responsable.id);
    expect(admin.perimetre).toEqual({ region: null, departement: null, academie: null, reseau: null });
  });
});

describe("GET /api/perimetre/organismes — the columns", () => {
  it("gives each organisme its identity, fiabilité, transmission, counters and invalid dossiers", async () => {
    const r = await region();
    const body = await page(await dreetsOf(r.codes.region), "taille=200");
    const row = (o: OrganismeFixture) => body.rows.find((x) => x.id === o.id)!;

    expect(row(r.responsable)).toEqual({
      id: r.responsable.id,
      uai: r.responsable.uai,
      siret: r.responsable.siret,
      raisonSociale: "CFA DES METIERS",
      enseigne: "Campus Alpha",
      nature: "responsable",
      fiabilite: { fiable: true, raison: "Le couple UAI SIRET est présent dans le référentiel" },
      commune: "Lyon",
      departement: r.codes.departement,
      modeTransmission: "api",
      erp: "Ypareo",
      etatTransmission: "connecte",
      derniereTransmission: "2026-01-10T08:00:00.000Z",
      // itself and its formateur: as its own dashboard counts
      indicateurs: { apprenants: 3, apprentis: 2, inscrits: 0, rupturants: 1, abandons: 0 },
      invalides: 3,
    } satisfies OrganismePerimetre);

    expect(row(r.manuel)).toMatchObject({
      erp: "Mon Logiciel",
      etatTransmission: "manuel",
      modeTransmission: "manuel",
      indicateurs: { apprenants: 1, apprentis: 0, inscrits: 1, rupturants: 0, abandons: 1 },
      invalides: 1,
    });
    expect(row(r.attente)).toMatchObject({ erp: "Gesti", etatTransmission: "en-attente", derniereTransmission: null });
    expect(row(r.horsReferentiel)).toMatchObject({
      fiabilite: { fiable: false, raison: "Le couple UAI SIRET n'est pas présent dans le référentiel" },
      etatTransmission: "non-parametre",
      erp: null,
      indicateurs: { apprenants: 1, apprentis: 1 },
    });
    expect(row(r.ferme).fiabilite).toEqual({ fiable: false, raison: "Le SIRET de l'organisme est fermé" });
  });

  it("counts as the organisme's own dashboard does", async () => {
    const r = await region();
    const body = await page(await dreetsOf(r.codes.region), "taille=200");
    const admin = await userOf("admin");
    for (const o of [r.responsable, r.manuel, r.horsReferentiel]) {
      const own = await apiFetch(`/api/organismes/${o.id}/indicateurs`, { cookie: admin });
      const { indicateurs } = (await own.json()) as { indicateurs: unknown };
      expect(body.rows.find((x) => x.id === o.id)!.indicateurs).toEqual(indicateurs);
    }
  });

  it("is a key flow whose key was revoked not set up, as the Paramètres page shows it", async () => {
    const codes = nouveauTerritoire();
    const o = await createOrganisme(codes);
    await parametre(o.id, { mode: "api", erp: "gesti", configured: true, cle: true });
    await env.DB.prepare("UPDATE api_keys SET revoked_at = ? WHERE organisme_id = ?")
      .bind(new Date().toISOString(), o.id)
      .run();
    const body = await page(await dreetsOf(codes.region));
    expect(body.rows[0].etatTransmission).toBe("non-parametre");
  });
});

describe("GET /api/perimetre/organismes — couverture", () => {
  it("divides the organismes of the référentiel that transmit by those of the référentiel, overall and per département", async () => {
    const r = await region();
    const body = await page(await dreetsOf(r.codes.region), "etat=connecte");
    // the filters narrow the table, never the couverture
    expect(body.total).toBe(1);
    // référentiel: responsable, attente, fermé (D1) and manuel (D2); transmitting: responsable and manuel; the
    // organisme outside the référentiel transmits but is in neither count
    expect(body.couverture).toEqual({
      organismes: 4,
      transmettent: 2,
      departements: [
        { departement: r.codes.departement, organismes: 3, transmettent: 1 },
        { departement: r.d2, organismes: 1, transmettent: 1 },
      ],
    });
  });

  it("counts an organisme with a transmission received, even without last_transmission_at", async () => {
    const codes = nouveauTerritoire();
    const o = await createOrganisme(codes);
    await createOrganisme(codes);
    await env.DB.prepare(
      "INSERT INTO transmissions (id, organisme_id, received_at, total, created, updated, unchanged, held, invalid) VALUES (?, ?, ?, 0, 0, 0, 0, 0, 0)",
    )
      .bind(crypto.randomUUID(), o.id, new Date().toISOString())
      .run();
    const body = await page(await dreetsOf(codes.region));
    expect(body.couverture).toMatchObject({ organismes: 2, transmettent: 1 });
  });
});

describe("GET /api/perimetre/organismes — filters, search, sort, paging, export", () => {
  it("filters by département, nature, transmission state, ERP and fiabilité", async () => {
    const r = await region();
    const cookie = await dreetsOf(r.codes.region);
    const filtered = async (query: string) => new Set(ids((await page(cookie, query)).rows));
    expect(await filtered(`departement=${r.d2}`)).toEqual(new Set([r.manuel.id, r.horsReferentiel.id]));
    expect(await filtered("nature=formateur")).toEqual(new Set([r.manuel.id]));
    expect(await filtered("etat=en-attente")).toEqual(new Set([r.attente.id]));
    expect(await filtered("etat=non-parametre")).toEqual(new Set([r.horsReferentiel.id, r.ferme.id]));
    expect(await filtered("erp=ymag")).toEqual(new Set([r.responsable.id]));
    expect(await filtered("erp=autre")).toEqual(new Set([r.manuel.id]));
    expect(await filtered("erp=aucun")).toEqual(new Set([r.horsReferentiel.id, r.ferme.id]));
    expect(await filtered("fiable=non")).toEqual(new Set([r.horsReferentiel.id, r.ferme.id]));
    expect(await filtered("fiable=oui&nature=responsable")).toEqual(new Set([r.responsable.id]));
    // blank filters filter nothing
    expect((await filtered("departement=&etat=&fiable=&erp=")).size).toBe(5);
    expect((await page(cookie, "fiable=non")).total).toBe(2);
  });

  it("searches the UAI, the SIRET (spaces ignored), the raison sociale and the enseigne", async () => {
    const r = await region();
    const cookie = await dreetsOf(r.codes.region);
    const found = async (recherche: string) =>
      ids((await page(cookie, `recherche=${encodeURIComponent(recherche)}`)).rows);
    expect(await found(r.attente.uai!.toLowerCase())).toEqual([r.attente.id]);
    const siret = r.manuel.siret;
    expect(await found(`${siret.slice(0, 3)} ${siret.slice(3, 9)} ${siret.slice(9)}`)).toEqual([r.manuel.id]);
    expect(await found("gamma form")).toEqual([r.attente.id]);
    expect(await found("campus")).toEqual([r.responsable.id]);
    // % and _ are letters, not wildcards
    expect(await found("100%")).toEqual([r.manuel.id]);
    expect(await found("_")).toEqual([]);
  });

  it("sorts by any column, both ways, organismes without a value last", async () => {
    const r = await region();
    const cookie = await dreetsOf(r.codes.region);
    const sorted = async (tri: string, sens: string) => ids((await page(cookie, `tri=${tri}&sens=${sens}`)).rows);
    const parNom = [r.responsable, r.horsReferentiel, r.manuel, r.ferme, r.attente].map((o) => o.id);
    // "Campus Alpha" (its enseigne), DELTA, ECOLE BETA, EPSILON, GAMMA
    expect(await sorted("nom", "asc")).toEqual(parNom);
    expect(await sorted("nom", "desc")).toEqual([...parNom].reverse());
    // ties by name: DELTA before ECOLE
    expect((await sorted("apprenants", "desc")).slice(0, 3)).toEqual([
      r.responsable.id,
      r.horsReferentiel.id,
      r.manuel.id,
    ]);
    expect((await sorted("invalides", "desc")).slice(0, 2)).toEqual([r.responsable.id, r.manuel.id]);
    expect(await sorted("derniereTransmission", "desc")).toEqual([
      r.manuel.id,
      r.responsable.id,
      r.horsReferentiel.id,
      // never transmitted: last either way, by name
      r.ferme.id,
      r.attente.id,
    ]);
    expect((await sorted("derniereTransmission", "asc")).slice(0, 3)).toEqual([
      r.horsReferentiel.id,
      r.responsable.id,
      r.manuel.id,
    ]);
    expect((await sorted("etat", "asc")).slice(-2)).toEqual([r.responsable.id, r.manuel.id]);
    expect((await sorted("fiable", "asc")).slice(0, 2)).toEqual([r.horsReferentiel.id, r.ferme.id]);
    expect((await sorted("commune", "asc"))[0]).toBe(r.manuel.id);
    for (const tri of [
      "uai",
      "siret",
      "nature",
      "departement",
      "erp",
      "apprentis",
      "inscrits",
      "rupturants",
      "abandons",
    ]) {
      expect((await sorted(tri, "asc")).length).toBe(5);
    }
  });

  it("pages, with the total of the filters, and refuses what it does not know in French", async () => {
    const r = await region();
    const cookie = await dreetsOf(r.codes.region);
    const all = ids((await page(cookie, "taille=200")).rows);
    const second = await page(cookie, "taille=2&page=2");
    expect(second).toMatchObject({ page: 2, taille: 2, total: 5 });
    expect(ids(second.rows)).toEqual(all.slice(2, 4));
    const beyond = await page(cookie, "taille=2&page=9");
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(5);
    expect((await page(cookie, "taille=5000")).taille).toBe(200);

    for (const [query, message] of [
      ["tri=couleur", "Colonne de tri inconnue."],
      ["sens=haut", "Sens de tri inconnu (attendu : asc ou desc)."],
      ["etat=perdu", "État de transmission inconnu."],
      ["fiable=peut-etre", "Filtre de fiabilité inconnu (attendu : oui ou non)."],
      ["export=pdf", "Format d'export inconnu (attendu : csv ou xlsx)."],
      ["page=0", "Numéro de page invalide (nombre entier à partir de 1)."],
    ]) {
      const response = await apiFetch(`${URL}?${query}`, { cookie });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toBe(message);
    }
  });

  it("exports every organisme retained, in the table's order, whatever the page", async () => {
    const r = await region();
    const cookie = await dreetsOf(r.codes.region);
    const response = await apiFetch(`${URL}?export=xlsx&taille=1&page=3&tri=apprenants&sens=desc&fiable=oui`, {
      cookie,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as OrganismesPerimetreExport;
    // fiable: the responsable, the manual one and the one waiting (not the fermé one)
    expect(body.total).toBe(3);
    expect(ids(body.rows)).toEqual(ids((await page(cookie, "tri=apprenants&sens=desc&fiable=oui")).rows));
    expect(body.rows[0]).toMatchObject({ id: r.responsable.id, indicateurs: { apprenants: 3 } });
  });
});

describe("GET /api/perimetre/organismes — 3,000 organismes", () => {
  it("answers a page sorted by a counter, the couverture and the total", async () => {
    const codes = nouveauTerritoire();
    const N = 3_000;
    const now = new Date().toISOString();
    const organismes = Array.from({ length: N }, (_, i) => ({
      id: `perf-${codes.region}-${i}`,
      uai: `${String(i).padStart(7, "0")}P`,
      siret: `9${String(i).padStart(13, "0")}`,
      raison_sociale: `ORGANISME ${i}`,
      departement: `${codes.departement}-${i % 12}`,
      referentiel: i % 10 === 0 ? 0 : 1,
      last_transmission_at: i % 3 === 0 ? now : null,
      mode_transmission: i % 3 === 0 ? "api" : null,
      configured_at: i % 3 === 0 ? now : null,
    }));
    for (let start = 0; start < N; start += 1_000) {
      await env.DB.prepare(
        `INSERT INTO organismes (id, uai, siret, raison_sociale, nature, departement, region, academie, referentiel,
           ferme, last_transmission_at, mode_transmission, configured_at, created_at, updated_at)
         SELECT j.value ->> 'id', j.value ->> 'uai', j.value ->> 'siret', j.value ->> 'raison_sociale', 'responsable_formateur',
           j.value ->> 'departement', ?2, ?3, j.value ->> 'referentiel', 0, j.value ->> 'last_transmission_at',
           j.value ->> 'mode_transmission', j.value ->> 'configured_at', ?4, ?4
           FROM json_each(?1) j`,
      )
        .bind(JSON.stringify(organismes.slice(start, start + 1_000)), codes.region, codes.academie, now)
        .run();
    }
    // a current key for the connected ones, a formateur for one in five, and 6,000 learners
    await env.DB.prepare(
      `INSERT INTO api_keys (id, organisme_id, key_hash, prefix, created_at)
       SELECT 'k-' || id, id, 'h-' || id, 'abcd1234', ?2 FROM organismes WHERE region = ?1 AND mode_transmission = 'api'`,
    )
      .bind(codes.region, now)
      .run();
    await env.DB.prepare(
      `INSERT INTO organisme_relations (responsable_id, formateur_id)
       SELECT 'perf-' || ?1 || '-' || (n * 5), 'perf-' || ?1 || '-' || (n * 5 + 1)
         FROM (SELECT value AS n FROM json_each(?2))`,
    )
      .bind(codes.region, JSON.stringify(Array.from({ length: N / 5 }, (_, n) => n)))
      .run();
    const statuts = ["APPRENTI", "INSCRIT", "RUPTURANT", "ABANDON", "FIN_DE_FORMATION"];
    const effectifs = Array.from({ length: 2 * N }, (_, n) => ({
      id: `perf-eff-${codes.region}-${n}`,
      organisme: `perf-${codes.region}-${(n * 7) % N}`,
      statut: statuts[n % statuts.length],
    }));
    for (let start = 0; start < effectifs.length; start += 2_000) {
      await env.DB.prepare(
        `INSERT INTO effectif_statuts (effectif_id, organisme_id, annee_scolaire, du, au, statut)
         SELECT j.value ->> 'id', j.value ->> 'organisme', ?2, '0000-01-01', NULL, j.value ->> 'statut' FROM json_each(?1) j`,
      )
        .bind(JSON.stringify(effectifs.slice(start, start + 2_000)), ANNEE)
        .run();
    }

    const cookie = await dreetsOf(codes.region);
    await page(cookie, "taille=1"); // the first request of a runtime pays for its warm-up
    /** The median of five requests, in ms (the machine running the tests is shared: one request says little). */
    const median = async (request: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await request();
        times.push(performance.now() - started);
      }
      return Math.round(times.sort((a, b) => a - b)[2]);
    };

    const body = await page(cookie, "tri=apprenants&sens=desc&taille=50");
    expect(body.total).toBe(N);
    expect(body.rows).toHaveLength(50);
    const apprenants = body.rows.map((r) => r.indicateurs.apprenants);
    expect(apprenants).toEqual([...apprenants].sort((a, b) => b - a));
    expect(body.couverture.organismes).toBe(N - N / 10);
    expect(body.couverture.transmettent).toBe(organismes.filter((o) => o.referentiel && o.last_transmission_at).length);
    expect(body.couverture.departements).toHaveLength(12);

    const exported = (await (
      await apiFetch(`${URL}?export=csv&tri=apprenants&sens=desc`, { cookie })
    ).json()) as OrganismesPerimetreExport;
    expect(exported.rows).toHaveLength(N);
    // every learner counted in its organisme's row, and again in its responsable's (one organisme in five is the
    // formateur of the one before it)
    const counted = exported.rows.reduce((sum, r) => sum + r.indicateurs.apprenants + r.indicateurs.abandons, 0);
    expect(counted).toBe(2 * N + effectifs.filter((e) => Number(e.organisme.split("-").pop()) % 5 === 1).length);

    const mesures = {
      "50 par apprenants": await median(() => page(cookie, "tri=apprenants&sens=desc&taille=50")),
      "200 par nom, page 3": await median(() => page(cookie, "tri=nom&taille=200&page=3")),
      recherche: await median(() => page(cookie, "recherche=ORGANISME%2029")),
      "export des 3 000": await median(async () => (await apiFetch(`${URL}?export=csv`, { cookie })).json()),
    };
    console.log(`3 000 organismes, médiane de 5 requêtes : ${JSON.stringify(mesures)}`);
  }, 120_000);
});
