import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { anneesScolairesAt } from "../../worker/domain/annee-scolaire";
import { indicateursFromStatuts, type Indicateur, type Indicateurs } from "../../worker/domain/indicators";
import {
  computeParcours,
  parcoursToIntervals,
  statutAt,
  type ParcoursEntry,
  type Statut,
} from "../../worker/domain/parcours";
import {
  apiFetch,
  createOrganisme,
  createUser,
  loginAs,
  type OrganisationFixture,
  type OrganismeFixture,
} from "../helpers/accounts";

interface EffectifTest {
  id: string;
  organismeId: string;
  anneeScolaire: string;
  nom: string;
  formation: string;
  cfd: string;
  parcours: ParcoursEntry[];
}

/** Territory codes unique to each test, so that tests sharing this file's D1 do not count each other's data. */
let territoire = 0;
function nouveauTerritoire() {
  territoire++;
  return { region: `PR${territoire}`, departement: `PD${territoire}`, academie: `PA${territoire}` };
}

/** The effectifs (their columns for the lists and the formations) and their parcours intervals, in one batch. */
async function insertEffectifs(effectifs: EffectifTest[]) {
  const now = new Date().toISOString();
  await env.DB.batch(
    effectifs.flatMap((effectif) => [
      env.DB.prepare(
        `INSERT INTO effectifs (id, organisme_id, annee_scolaire, id_erp_apprenant, nom, prenom, libelle_formation,
                                formation_cfd, data, parcours, data_hash, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'Léa', ?, ?, '{}', ?, 'h', ?, ?)`,
      ).bind(
        effectif.id,
        effectif.organismeId,
        effectif.anneeScolaire,
        effectif.id,
        effectif.nom,
        effectif.formation,
        effectif.cfd,
        JSON.stringify(effectif.parcours),
        now,
        now,
      ),
      ...parcoursToIntervals(effectif.parcours).map((i) =>
        env.DB.prepare(
          "INSERT INTO effectif_statuts (effectif_id, organisme_id, annee_scolaire, du, au, statut) VALUES (?, ?, ?, ?, ?, ?)",
        ).bind(effectif.id, effectif.organismeId, effectif.anneeScolaire, i.du, i.au, i.statut),
      ),
    ]),
  );
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** "2024-01" for "2023-12". */
const addMonth = (mois: string) => {
  const [year, month] = mois.split("-").map(Number);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
};

/** A deterministic generator (mulberry32), so that a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FORMATIONS = [
  ["CAP PATISSIER", "50022137"],
  ["BTS MCO", "32031213"],
  ["BP COIFFURE", "45033602"],
] as const;

/** Learners with random dates (contracts, ruptures, exclusions) and formations, parcours by the domain rules. */
function randomEffectifs(organismeIds: string[], count: number, seed: number): EffectifTest[] {
  const random = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  return Array.from({ length: count }, (_, n) => {
    const calendaire = random() < 0.2;
    const entree = addDays(calendaire ? "2024-01-01" : "2023-08-01", int(0, 120));
    const contrats =
      random() < 0.25
        ? []
        : [{ date_debut: addDays(entree, int(-20, 100)), date_fin: addDays(entree, int(150, 400)) as string | null }];
    const rupture = contrats[0] && random() < 0.3 ? addDays(contrats[0].date_debut, int(20, 140)) : null;
    const [formation, cfd] = FORMATIONS[int(0, FORMATIONS.length - 1)];
    return {
      id: `perimetre-${seed}-${n}`,
      organismeId: organismeIds[n % organismeIds.length],
      anneeScolaire: calendaire ? "2024-2024" : "2023-2024",
      nom: `Nom${String(n).padStart(4, "0")}`,
      formation,
      cfd,
      parcours: computeParcours({
        date_entree_formation: entree,
        date_fin_formation: addDays(entree, int(200, 700)),
        date_exclusion_formation: random() < 0.05 ? addDays(entree, int(30, 200)) : null,
        contrats: contrats.map((c) => ({ ...c, date_rupture: rupture })),
      }),
    };
  });
}

/** The effectifs counted at `date` (the school years containing it), with their statut, computed from the parcours. */
function countedAt(effectifs: EffectifTest[], date: string) {
  const annees = anneesScolairesAt(date);
  return effectifs
    .filter((e) => annees.includes(e.anneeScolaire))
    .map((e) => ({ ...e, statut: statutAt(e.parcours, date) }));
}

function expected(effectifs: EffectifTest[], date: string): Indicateurs {
  const counts: Partial<Record<Statut, number>> = {};
  for (const { statut } of countedAt(effectifs, date)) counts[statut] = (counts[statut] ?? 0) + 1;
  return indicateursFromStatuts(counts);
}

const somme = (rows: { indicateurs: Indicateurs }[]): Indicateurs =>
  rows.reduce(
    (total, { indicateurs }) => ({
      apprenants: total.apprenants + indicateurs.apprenants,
      apprentis: total.apprentis + indicateurs.apprentis,
      rupturants: total.rupturants + indicateurs.rupturants,
      inscrits: total.inscrits + indicateurs.inscrits,
      abandons: total.abandons + indicateurs.abandons,
    }),
    indicateursFromStatuts({}),
  );

async function userOf(organisation: OrganisationFixture | "admin") {
  const user = await createUser(organisation === "admin" ? { isAdmin: true } : { organisation });
  return { id: user.id, cookie: await loginAs(user.email) };
}

async function get<T>(cookie: string, path: string): Promise<{ status: number; body: T }> {
  const response = await apiFetch(`/api/indicateurs${path}`, { cookie });
  return { status: response.status, body: (await response.json()) as T };
}

async function ok<T>(cookie: string, path: string): Promise<T> {
  const { status, body } = await get<T>(cookie, path);
  expect(status, path).toBe(200);
  return body;
}

interface Total {
  indicateurs: Indicateurs;
  listes: Indicateur[];
}
interface Ligne {
  indicateurs: Indicateurs;
}
interface Page<K extends string, T> {
  total: number;
  page: number;
  taille: number;
  organismes: K extends "organismes" ? T[] : never;
  formations: K extends "formations" ? T[] : never;
}
interface ListeRow {
  nom: string;
  statut: Statut;
  organismeId: string;
  organisme: string;
  uai: string | null;
}
interface Liste {
  total: number;
  rows: ListeRow[];
}

async function logged(userId: string) {
  const { results } = await env.DB.prepare(
    "SELECT organisme_id AS organismeId, kind, rows FROM downloads_log WHERE user_id = ? ORDER BY id",
  )
    .bind(userId)
    .all<{ organismeId: string | null; kind: string; rows: number }>();
  return results;
}

/**
 * A région of two départements: two fiable organismes in the first (the first with a formateur elsewhere, outside
 * the référentiel), one in the second, and one fermé (never counted); random learners in each.
 */
async function region(seed: number) {
  const codes = nouveauTerritoire();
  const autreDepartement = `${codes.departement}bis`;
  const a = await createOrganisme({ ...codes, raisonSociale: "CFA A" });
  const b = await createOrganisme({ ...codes, raisonSociale: "CFA B", enseigne: "ÉCOLE B" });
  const c = await createOrganisme({ ...codes, departement: autreDepartement, raisonSociale: "CFA C" });
  const ferme = await createOrganisme({ ...codes, ferme: true });
  const formateur = await createOrganisme({ ...nouveauTerritoire(), referentiel: false, raisonSociale: "ANTENNE A" });
  await env.DB.prepare("INSERT INTO organisme_relations (responsable_id, formateur_id) VALUES (?, ?)")
    .bind(a.id, formateur.id)
    .run();
  const comptes = [a, b, c, formateur];
  const effectifs = randomEffectifs(
    [...comptes, ferme].map((o) => o.id),
    250,
    seed,
  );
  await insertEffectifs(effectifs);
  const deOrganismes = (organismes: OrganismeFixture[]) =>
    effectifs.filter((e) => organismes.some((o) => o.id === e.organismeId));
  return { codes, autreDepartement, a, b, c, formateur, comptes, effectifs: deOrganismes(comptes), deOrganismes };
}

const DATES = ["2023-10-17", "2024-01-31", "2024-03-01", "2024-06-15"];

describe("a perimeter's counters broken down", () => {
  it("by département, organisme and formation: each breakdown adds up to the total, which matches the parcours", async () => {
    const { codes, autreDepartement, a, b, c, formateur, effectifs, deOrganismes } = await region(3);
    const { cookie } = await userOf({ type: "DREETS", codeRegion: codes.region });
    for (const date of DATES) {
      const total = await ok<Total>(cookie, `?date=${date}`);
      expect({ date, ...total.indicateurs }).toEqual({ date, ...expected(effectifs, date) });
      expect(total.indicateurs.apprenants, date).toBeGreaterThan(0);

      const { departements } = await ok<{ departements: (Ligne & { departement: string | null })[] }>(
        cookie,
        `/departements?date=${date}`,
      );
      expect(somme(departements), date).toEqual(total.indicateurs);
      // The formateur's learners are under its own département, wherever its responsable is.
      const parCode = new Map(departements.map((d) => [d.departement, d.indicateurs]));
      expect(parCode.get(codes.departement)).toEqual(expected(deOrganismes([a, b]), date));
      expect(parCode.get(autreDepartement)).toEqual(expected(deOrganismes([c]), date));
      expect(parCode.get(formateur.departement)).toEqual(expected(deOrganismes([formateur]), date));

      const organismes = await ok<Page<"organismes", Ligne>>(cookie, `/organismes?date=${date}&taille=200`);
      expect(organismes.total).toBe(organismes.organismes.length);
      expect(somme(organismes.organismes), date).toEqual(total.indicateurs);

      const formations = await ok<Page<"formations", Ligne & { libelle: string; cfd: string }>>(
        cookie,
        `/formations?date=${date}&taille=200`,
      );
      expect(somme(formations.formations), date).toEqual(total.indicateurs);
      for (const [libelle, cfd] of FORMATIONS) {
        const row = formations.formations.find((f) => f.libelle === libelle && f.cfd === cfd);
        const attendu = expected(
          effectifs.filter((e) => e.formation === libelle),
          date,
        );
        expect(row?.indicateurs ?? indicateursFromStatuts({}), `${date} ${libelle}`).toEqual(attendu);
      }
    }
    // Narrowed to a département of the région, the breakdowns follow.
    const narrowed = await ok<{ departements: { departement: string }[] }>(
      cookie,
      `/departements?date=2024-01-31&departement=${autreDepartement}`,
    );
    expect(narrowed.departements.map((d) => d.departement)).toEqual([autreDepartement]);
  });

  it("by organisme: each organisme with its own learners (not its formateurs'), its name and UAI, most apprenants first, paged", async () => {
    const { codes, b, comptes, deOrganismes } = await region(5);
    const { cookie } = await userOf({ type: "DREETS", codeRegion: codes.region });
    const date = "2024-01-31";
    const { total, organismes } = await ok<
      Page<"organismes", Ligne & { id: string; nom: string; uai: string | null; siret: string }>
    >(cookie, `/organismes?date=${date}&taille=200`);
    expect(total).toBe(comptes.length);
    for (const organisme of comptes) {
      const row = organismes.find((o) => o.id === organisme.id);
      expect(row?.indicateurs, organisme.raisonSociale).toEqual(expected(deOrganismes([organisme]), date));
      expect(row).toMatchObject({ uai: organisme.uai, siret: organisme.siret });
    }
    expect(organismes.find((o) => o.id === b.id)?.nom).toBe("ÉCOLE B");
    const apprenants = organismes.map((o) => o.indicateurs.apprenants);
    expect(apprenants).toEqual([...apprenants].sort((x, y) => y - x));

    const second = await ok<Page<"organismes", { id: string }>>(cookie, `/organismes?date=${date}&taille=1&page=2`);
    expect(second).toMatchObject({ total: comptes.length, page: 2, taille: 1 });
    expect(second.organismes.map((o) => o.id)).toEqual([organismes[1].id]);
    const pastTheEnd = await ok<Page<"organismes", unknown>>(cookie, `/organismes?date=${date}&taille=2&page=9`);
    expect(pastTheEnd).toMatchObject({ total: comptes.length, organismes: [] });
  });

  it("month by month: each month's point is the counters at its last day (today for the current month)", async () => {
    const { codes, a, b, formateur, deOrganismes } = await region(7);
    const { cookie } = await userOf({ type: "DDETS", codeDepartement: codes.departement });
    const evolution = await ok<{
      anneeScolaire: string;
      points: { mois: string; date: string | null; indicateurs: Indicateurs | null }[];
    }>(cookie, "/evolution?annee=2023-2024");
    expect(evolution.anneeScolaire).toBe("2023-2024");
    expect(evolution.points.map((p) => p.mois)).toEqual([
      "2023-08",
      "2023-09",
      "2023-10",
      "2023-11",
      "2023-12",
      "2024-01",
      "2024-02",
      "2024-03",
      "2024-04",
      "2024-05",
      "2024-06",
      "2024-07",
    ]);
    for (const point of evolution.points) {
      expect(point.date).toBe(addDays(`${addMonth(point.mois)}-01`, -1));
      const total = await ok<Total>(cookie, `?date=${point.date}`);
      expect({ mois: point.mois, ...point.indicateurs }).toEqual({ mois: point.mois, ...total.indicateurs });
      expect({ mois: point.mois, ...point.indicateurs }).toEqual({
        mois: point.mois,
        ...expected(deOrganismes([a, b, formateur]), point.date!),
      });
    }
    expect(Math.max(...evolution.points.map((p) => p.indicateurs!.rupturants))).toBeGreaterThan(0);
  });

  it("answers 400 on an invalid date or school year, and 403 to an OFA on every breakdown", async () => {
    const { cookie } = await userOf("admin");
    expect((await get(cookie, "/departements?date=2024-02-30")).status).toBe(400);
    expect((await get(cookie, "/evolution?annee=2024-2026")).status).toBe(400);
    expect((await get(cookie, "/organismes?taille=0")).status).toBe(400);
    // A list's file is not made for the whole country, only for a territory (national.test.ts: its pages are).
    for (const path of ["/liste?indicateur=rupturants&export=csv"]) {
      const national = await get<{ message: string }>(cookie, path);
      expect(national.status, path).toBe(400);
      expect(national.body.message).toMatch(/choisissez un territoire/);
      expect((await get(cookie, `${path}${path.includes("?") ? "&" : "?"}region=PR-aucune`)).status, path).toBe(200);
    }
    const organisme = await createOrganisme();
    const ofa = await loginAs((await createUser({ organismeId: organisme.id })).email);
    for (const path of [
      "",
      "/departements",
      "/organismes",
      "/formations",
      "/evolution",
      "/liste?indicateur=rupturants",
    ])
      expect((await get(ofa, path)).status, path).toBe(403);
  });
});

describe("a perimeter's nominative lists (SPEC §8)", () => {
  const DATE = "2024-03-01";

  it("a DREETS reads the rupturants of its région, each with its organisme; every page and file is logged with its rows", async () => {
    const { codes, comptes, effectifs } = await region(11);
    const dreets = await userOf({ type: "DREETS", codeRegion: codes.region });
    expect((await ok<Total>(dreets.cookie, `?date=${DATE}`)).listes.sort()).toEqual(
      ["abandons", "inscrits", "rupturants"].sort(),
    );
    const attendus = countedAt(effectifs, DATE).filter((e) => e.statut === "RUPTURANT");
    expect(attendus.length).toBeGreaterThan(3);

    const page = await ok<Liste>(dreets.cookie, `/liste?indicateur=rupturants&date=${DATE}&taille=2&page=1`);
    expect(page.total).toBe(attendus.length);
    expect(page.rows).toHaveLength(2);
    const all = await ok<Liste>(dreets.cookie, `/liste?indicateur=rupturants&date=${DATE}&export=csv`);
    expect(all.rows.map((r) => r.nom).sort()).toEqual(attendus.map((e) => e.nom).sort());
    for (const row of all.rows) {
      const organisme = comptes.find((o) => o.id === row.organismeId);
      expect(row).toMatchObject({
        statut: "RUPTURANT",
        organisme: organisme?.enseigne ?? organisme?.raisonSociale,
        uai: organisme?.uai,
      });
    }
    const pastTheEnd = await ok<Liste>(dreets.cookie, `/liste?indicateur=rupturants&date=${DATE}&taille=2&page=99`);
    expect(pastTheEnd).toMatchObject({ total: attendus.length, rows: [] });
    await ok<Liste>(dreets.cookie, `/liste?indicateur=abandons&date=${DATE}&export=xlsx`);
    expect(await logged(dreets.id)).toEqual([
      { organismeId: null, kind: "territoire-rupturants-page", rows: 2 },
      { organismeId: null, kind: "territoire-rupturants-csv", rows: attendus.length },
      { organismeId: null, kind: "territoire-rupturants-page", rows: 0 },
      {
        organismeId: null,
        kind: "territoire-abandons-xlsx",
        rows: countedAt(effectifs, DATE).filter((e) => e.statut === "ABANDON").length,
      },
    ]);
    // Not the lists of every counter: those of the apprentis stay with the organismes.
    expect((await get(dreets.cookie, `/liste?indicateur=apprentis&date=${DATE}`)).status).toBe(403);
    expect(await logged(dreets.id)).toHaveLength(4);
  });

  it("a DDETS of another département does not see them, and may not ask for that département", async () => {
    const { codes } = await region(13);
    const ddets = await userOf({ type: "DDETS", codeDepartement: `${codes.departement}-autre` });
    const own = await ok<Liste>(ddets.cookie, `/liste?indicateur=rupturants&date=${DATE}`);
    expect(own).toMatchObject({ total: 0, rows: [] });
    const foreign = await get<{ message: string }>(
      ddets.cookie,
      `/liste?indicateur=rupturants&date=${DATE}&departement=${codes.departement}`,
    );
    expect(foreign.status).toBe(403);
    expect(await logged(ddets.id)).toEqual([{ organismeId: null, kind: "territoire-rupturants-page", rows: 0 }]);
  });

  it("a réseau gets its members' lists only when it is responsable", async () => {
    const { codes, a, formateur, deOrganismes } = await region(17);
    const reseau = `RESEAU-${codes.region}`;
    const responsable = `RESEAU-R-${codes.region}`;
    await env.DB.batch([
      env.DB.prepare("INSERT INTO reseau_membres (reseau, organisme_id) VALUES (?, ?)").bind(reseau, a.id),
      env.DB.prepare("INSERT INTO reseau_membres (reseau, organisme_id) VALUES (?, ?)").bind(responsable, a.id),
      env.DB.prepare("INSERT INTO reseaux_responsables (reseau) VALUES (?)").bind(responsable),
    ]);
    const simple = await userOf({ type: "RESEAU", reseau });
    expect((await ok<Total>(simple.cookie, `?date=${DATE}`)).listes).toEqual([]);
    const refused = await get<{ error: string; message: string }>(
      simple.cookie,
      `/liste?indicateur=rupturants&date=${DATE}`,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/réseaux responsables/);
    expect(await logged(simple.id)).toEqual([]);

    const tete = await userOf({ type: "RESEAU", reseau: responsable });
    expect((await ok<Total>(tete.cookie, `?date=${DATE}`)).listes.sort()).toEqual(
      ["abandons", "inscrits", "rupturants"].sort(),
    );
    const liste = await ok<Liste>(tete.cookie, `/liste?indicateur=inscrits&date=${DATE}&taille=200`);
    // The member and its formateur, nothing else of the région.
    const attendus = countedAt(deOrganismes([a, formateur]), DATE).filter((e) => e.statut === "INSCRIT");
    expect(attendus.length).toBeGreaterThan(0);
    expect(liste.rows.map((r) => r.nom).sort()).toEqual(attendus.map((e) => e.nom).sort());
    expect(await logged(tete.id)).toEqual([
      { organismeId: null, kind: "territoire-inscrits-page", rows: attendus.length },
    ]);
  });

  it("an administrator gets every list, of any territory", async () => {
    const { codes, effectifs } = await region(19);
    const admin = await userOf("admin");
    expect((await ok<Total>(admin.cookie, `?date=${DATE}&region=${codes.region}`)).listes).toEqual([
      "apprenants",
      "apprentis",
      "rupturants",
      "inscrits",
      "abandons",
    ]);
    const apprentis = await ok<Liste>(
      admin.cookie,
      `/liste?indicateur=apprentis&date=${DATE}&region=${codes.region}&taille=200`,
    );
    expect(apprentis.total).toBe(
      countedAt(effectifs, DATE).filter((e) => e.statut === "APPRENTI" || e.statut === "FIN_DE_FORMATION").length,
    );
    expect(apprentis.total).toBeGreaterThan(0);
    expect(await logged(admin.id)).toEqual([
      { organismeId: null, kind: "territoire-apprentis-page", rows: Math.min(200, apprentis.total) },
    ]);
  });
});
