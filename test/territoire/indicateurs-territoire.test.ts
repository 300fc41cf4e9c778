import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { anneesScolairesAt } from "../../worker/domain/annee-scolaire";
import { indicateursFromStatuts, type Indicateurs } from "../../worker/domain/indicators";
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
  parcours: ParcoursEntry[];
}

/** Territory codes unique to each test, so that tests sharing this file's D1 do not count each other's data. */
let territoire = 0;
function nouveauTerritoire() {
  territoire++;
  return { region: `R${territoire}`, departement: `D${territoire}`, academie: `A${territoire}` };
}

async function insertEffectif(effectif: EffectifTest) {
  await env.DB.batch(
    parcoursToIntervals(effectif.parcours).map((i) =>
      env.DB.prepare(
        "INSERT INTO effectif_statuts (effectif_id, organisme_id, annee_scolaire, du, au, statut) VALUES (?, ?, ?, ?, ?, ?)",
      ).bind(effectif.id, effectif.organismeId, effectif.anneeScolaire, i.du, i.au, i.statut),
    ),
  );
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A deterministic generator (mulberry32), so that a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Learners with random dates (contracts, ruptures, exclusions), their parcours computed by the domain rules. */
function randomEffectifs(organismeIds: string[], count: number, seed: number): EffectifTest[] {
  const random = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  return Array.from({ length: count }, (_, n) => {
    const calendaire = random() < 0.2;
    const anneeScolaire = calendaire ? "2024-2024" : "2023-2024";
    const entree = addDays(calendaire ? "2024-01-01" : "2023-08-01", int(0, 120));
    const fin = addDays(entree, int(200, 700));
    const contrats =
      random() < 0.25
        ? []
        : [
            {
              date_debut: addDays(entree, int(-20, 100)),
              date_fin: addDays(entree, int(150, 400)),
              date_rupture: null as string | null,
            },
          ];
    if (contrats[0] && random() < 0.3) contrats[0].date_rupture = addDays(contrats[0].date_debut, int(20, 140));
    const exclusion = random() < 0.05 ? addDays(entree, int(30, 200)) : null;
    const parcours = computeParcours({
      date_entree_formation: entree,
      date_fin_formation: fin,
      date_exclusion_formation: exclusion,
      contrats,
    });
    return { id: `eff-${seed}-${n}`, organismeId: organismeIds[n % organismeIds.length], anneeScolaire, parcours };
  });
}

/** The counters computed in JavaScript from the parcours themselves, independently of any SQL. */
function expected(effectifs: EffectifTest[], organismeIds: string[], date: string): Indicateurs {
  const annees = anneesScolairesAt(date);
  const counts: Partial<Record<Statut, number>> = {};
  for (const e of effectifs) {
    if (!organismeIds.includes(e.organismeId) || !annees.includes(e.anneeScolaire)) continue;
    const statut = statutAt(e.parcours, date);
    counts[statut] = (counts[statut] ?? 0) + 1;
  }
  return indicateursFromStatuts(counts);
}

async function userOf(organisation: OrganisationFixture | "admin") {
  const user = await createUser(organisation === "admin" ? { isAdmin: true } : { organisation });
  return loginAs(user.email);
}

async function indicateurs(cookie: string, query: string) {
  const response = await apiFetch(`/api/indicateurs?${query}`, { cookie });
  return {
    status: response.status,
    body: (await response.json()) as {
      organismes: number;
      indicateurs: Indicateurs;
      perimetre: Record<string, string | null>;
    },
  };
}

/** Three organismes of one territory: only the first is fiable (in the référentiel and not fermé). */
async function territoireAvecNonFiables() {
  const codes = nouveauTerritoire();
  const fiable = await createOrganisme(codes);
  const horsReferentiel = await createOrganisme({ ...codes, referentiel: false });
  const ferme = await createOrganisme({ ...codes, ferme: true });
  return { codes, fiable, horsReferentiel, ferme };
}

const APPRENTI_DEPUIS_SEPTEMBRE: ParcoursEntry[] = [{ date: "2023-09-01", statut: "APPRENTI" }];

describe("GET /api/indicateurs — who may see what", () => {
  it("requires an active session and refuses OFA users", async () => {
    expect((await apiFetch("/api/indicateurs")).status).toBe(401);
    const organisme = await createOrganisme();
    const ofa = await createUser({ organismeId: organisme.id });
    const response = await apiFetch("/api/indicateurs", { cookie: await loginAs(ofa.email) });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: "Forbidden" });
    const pending = await createUser({ status: "pending", organisation: { type: "DREETS", codeRegion: "84" } });
    expect((await apiFetch("/api/indicateurs", { cookie: await loginAs(pending.email) })).status).toBe(403);
  });

  it("keeps a DREETS, a DDETS and an académie inside their own territory", async () => {
    const codes = nouveauTerritoire();
    const other = nouveauTerritoire();
    const organisme = await createOrganisme(codes);
    await createOrganisme(other);
    await insertEffectif({
      id: crypto.randomUUID(),
      organismeId: organisme.id,
      anneeScolaire: "2023-2024",
      parcours: APPRENTI_DEPUIS_SEPTEMBRE,
    });

    const operateurs: [OrganisationFixture, "region" | "departement" | "academie"][] = [
      [{ type: "DREETS", codeRegion: codes.region }, "region"],
      [{ type: "DDETS", codeDepartement: codes.departement }, "departement"],
      [{ type: "ACADEMIE", codeAcademie: codes.academie }, "academie"],
    ];
    for (const [organisation, filtre] of operateurs) {
      const cookie = await userOf(organisation);
      const own = await indicateurs(cookie, "date=2024-01-15");
      expect(own.status).toBe(200);
      expect(own.body.perimetre[filtre]).toBe(codes[filtre]);
      expect(own.body.organismes).toBe(1);
      expect(own.body.indicateurs.apprentis).toBe(1);
      expect((await indicateurs(cookie, `date=2024-01-15&${filtre}=${codes[filtre]}`)).status).toBe(200);
      const foreign = await indicateurs(cookie, `date=2024-01-15&${filtre}=${other[filtre]}`);
      expect(foreign.status).toBe(403);
    }
  });

  it("a DREETS may narrow to a département of its région, which only lowers the counts", async () => {
    const codes = nouveauTerritoire();
    const a = await createOrganisme(codes);
    const b = await createOrganisme({ ...codes, departement: `${codes.departement}bis` });
    for (const organisme of [a, b]) {
      await insertEffectif({
        id: crypto.randomUUID(),
        organismeId: organisme.id,
        anneeScolaire: "2023-2024",
        parcours: APPRENTI_DEPUIS_SEPTEMBRE,
      });
    }
    const cookie = await userOf({ type: "DREETS", codeRegion: codes.region });
    expect((await indicateurs(cookie, "date=2024-01-15")).body.indicateurs.apprentis).toBe(2);
    expect(
      (await indicateurs(cookie, `date=2024-01-15&departement=${codes.departement}`)).body.indicateurs.apprentis,
    ).toBe(1);
  });

  it("shows a réseau only its members, and an administrator any territory or the whole country", async () => {
    const codes = nouveauTerritoire();
    const membre = await createOrganisme(codes);
    const autre = await createOrganisme(codes);
    const reseau = `RESEAU-${codes.region}`;
    await env.DB.prepare("INSERT INTO reseau_membres (reseau, organisme_id) VALUES (?, ?)")
      .bind(reseau, membre.id)
      .run();
    for (const organisme of [membre, autre]) {
      await insertEffectif({
        id: crypto.randomUUID(),
        organismeId: organisme.id,
        anneeScolaire: "2023-2024",
        parcours: APPRENTI_DEPUIS_SEPTEMBRE,
      });
    }
    const reseauCookie = await userOf({ type: "RESEAU", reseau });
    const vuReseau = await indicateurs(reseauCookie, "date=2024-01-15");
    expect(vuReseau.status).toBe(200);
    expect(vuReseau.body).toMatchObject({ organismes: 1, perimetre: { reseau }, indicateurs: { apprentis: 1 } });

    const admin = await userOf("admin");
    expect((await indicateurs(admin, `date=2024-01-15&region=${codes.region}`)).body).toMatchObject({
      organismes: 2,
      indicateurs: { apprentis: 2 },
    });
    const national = await indicateurs(admin, "date=2024-01-15");
    expect(national.status).toBe(200);
    expect(national.body.indicateurs.apprentis).toBeGreaterThanOrEqual(2);
  });

  it("counts a réseau's member with its formateurs, as the member's own dashboard does, each effectif once", async () => {
    const codes = nouveauTerritoire();
    const membre = await createOrganisme(codes);
    // A formateur elsewhere and outside the référentiel: still part of its responsable's figures.
    const formateur = await createOrganisme({ ...nouveauTerritoire(), referentiel: false });
    const reseau = `RESEAU-F-${codes.region}`;
    await env.DB.batch([
      env.DB.prepare("INSERT INTO reseau_membres (reseau, organisme_id) VALUES (?, ?)").bind(reseau, membre.id),
      // A member that is also the formateur of another member is counted once.
      env.DB.prepare("INSERT INTO reseau_membres (reseau, organisme_id) VALUES (?, ?)").bind(reseau, formateur.id),
      env.DB.prepare("INSERT INTO organisme_relations (responsable_id, formateur_id) VALUES (?, ?)").bind(
        membre.id,
        formateur.id,
      ),
    ]);
    for (const [n, organismeId] of [membre.id, formateur.id, formateur.id].entries()) {
      await insertEffectif({
        id: `reseau-f-${codes.region}-${n}`,
        organismeId,
        anneeScolaire: "2023-2024",
        parcours: APPRENTI_DEPUIS_SEPTEMBRE,
      });
    }
    const ofa = await createUser({ organismeId: membre.id });
    const own = await apiFetch(`/api/organismes/${membre.id}/indicateurs?date=2024-01-15`, {
      cookie: await loginAs(ofa.email),
    });
    const ownCounters = ((await own.json()) as { indicateurs: Indicateurs }).indicateurs;
    const vuReseau = await indicateurs(await userOf({ type: "RESEAU", reseau }), "date=2024-01-15");
    expect(ownCounters.apprentis).toBe(3);
    expect(vuReseau.body.indicateurs).toEqual(ownCounters);
  });

  it("answers 400 on an invalid date", async () => {
    const admin = await userOf("admin");
    const response = await indicateurs(admin, "date=15/01/2024");
    expect(response.status).toBe(400);
  });
});

describe("GET /api/indicateurs — counts", () => {
  it("counts only fiable organismes", async () => {
    const { codes, fiable, horsReferentiel, ferme } = await territoireAvecNonFiables();
    for (const organisme of [fiable, horsReferentiel, ferme]) {
      await insertEffectif({
        id: crypto.randomUUID(),
        organismeId: organisme.id,
        anneeScolaire: "2023-2024",
        parcours: APPRENTI_DEPUIS_SEPTEMBRE,
      });
    }
    const admin = await userOf("admin");
    const { body } = await indicateurs(admin, `date=2024-01-15&region=${codes.region}`);
    expect(body.organismes).toBe(1);
    expect(body.indicateurs).toEqual({ apprenants: 1, apprentis: 1, rupturants: 0, inscrits: 0, abandons: 0 });
  });

  it("matches a computation from the parcours at every kind of date (1st, middle and end of month, year boundaries)", async () => {
    const { codes, fiable, horsReferentiel, ferme } = await territoireAvecNonFiables();
    const second = await createOrganisme(codes);
    const organismes: OrganismeFixture[] = [fiable, second, horsReferentiel, ferme];
    const effectifs = randomEffectifs(
      organismes.map((o) => o.id),
      240,
      7,
    );
    for (const effectif of effectifs) await insertEffectif(effectif);
    const cookie = await userOf({ type: "DREETS", codeRegion: codes.region });
    const dates = [
      "2023-08-01",
      "2023-09-01",
      "2023-10-17",
      "2023-11-30",
      "2023-12-31",
      "2024-01-01",
      "2024-02-29",
      "2024-03-01",
      "2024-05-16",
      "2024-07-31",
      "2024-08-01",
      "2024-12-31",
    ];
    for (const date of dates) {
      const { status, body } = await indicateurs(cookie, `date=${date}`);
      expect(status).toBe(200);
      expect({ date, ...body.indicateurs }).toEqual({ date, ...expected(effectifs, [fiable.id, second.id], date) });
    }
  });

  it("follows a parcours replaced as the ingestion does (intervals deleted then inserted) and refuses in-place updates", async () => {
    const codes = nouveauTerritoire();
    const organisme = await createOrganisme(codes);
    const id = crypto.randomUUID();
    await insertEffectif({
      id,
      organismeId: organisme.id,
      anneeScolaire: "2023-2024",
      parcours: APPRENTI_DEPUIS_SEPTEMBRE,
    });
    const cookie = await userOf({ type: "DDETS", codeDepartement: codes.departement });
    expect((await indicateurs(cookie, "date=2024-03-10")).body.indicateurs).toMatchObject({
      apprentis: 1,
      rupturants: 0,
    });

    const rupture: ParcoursEntry[] = [...APPRENTI_DEPUIS_SEPTEMBRE, { date: "2024-02-15", statut: "RUPTURANT" }];
    await env.DB.prepare("DELETE FROM effectif_statuts WHERE effectif_id = ?").bind(id).run();
    await insertEffectif({ id, organismeId: organisme.id, anneeScolaire: "2023-2024", parcours: rupture });
    expect((await indicateurs(cookie, "date=2024-03-10")).body.indicateurs).toMatchObject({
      apprentis: 0,
      rupturants: 1,
      apprenants: 1,
    });
    expect((await indicateurs(cookie, "date=2024-02-14")).body.indicateurs).toMatchObject({
      apprentis: 1,
      rupturants: 0,
    });

    await expect(
      env.DB.prepare("UPDATE effectif_statuts SET statut = 'ABANDON' WHERE effectif_id = ?").bind(id).run(),
    ).rejects.toThrow();
  });

  it("gives the national view the same counts as the parcours intervals of fiable organismes and their formateurs", async () => {
    const codes = nouveauTerritoire();
    const organismes = [await createOrganisme(codes), await createOrganisme({ ...codes, ferme: true })];
    for (const effectif of randomEffectifs(
      organismes.map((o) => o.id),
      60,
      11,
    ))
      await insertEffectif(effectif);
    const admin = await userOf("admin");
    for (const date of ["2023-10-01", "2024-01-20", "2024-06-30"]) {
      const [scolaire, civile] = anneesScolairesAt(date);
      const { results } = await env.DB.prepare(
        `SELECT s.statut, count(*) AS n FROM effectif_statuts s
          WHERE (s.organisme_id IN (SELECT id FROM organismes WHERE referentiel = 1 AND ferme = 0)
             OR s.organisme_id IN (SELECT r.formateur_id FROM organisme_relations r
                                     JOIN organismes o ON o.id = r.responsable_id WHERE o.referentiel = 1 AND o.ferme = 0))
            AND s.annee_scolaire IN (?, ?) AND s.du <= ?3 AND (s.au IS NULL OR s.au >= ?3)
          GROUP BY s.statut`,
      )
        .bind(scolaire, civile, date)
        .all<{ statut: Statut; n: number }>();
      const { body } = await indicateurs(admin, `date=${date}`);
      expect(body.indicateurs).toEqual(indicateursFromStatuts(Object.fromEntries(results.map((r) => [r.statut, r.n]))));
    }
  });
});
