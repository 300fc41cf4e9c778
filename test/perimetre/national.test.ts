// The whole country's breakdown by formation (per-formation counters of migration 0011) and nominative lists (the
// walk in name order): both compared, over the real D1, with an independent computation from the parcours
// intervals joined to their effectifs — after pushes, formations changed, intervals replaced, effectifs deleted.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { anneesScolairesAt } from "../../worker/domain/annee-scolaire";
import { indicateursFromStatuts, type Indicateurs } from "../../worker/domain/indicators";
import { computeParcours, parcoursToIntervals, type Statut } from "../../worker/domain/parcours";
import { apiFetch, createOrganisme, createUser, loginAs } from "../helpers/accounts";

/** A deterministic generator (mulberry32), so that a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** [libellé, CFD, RNCP]: with a CFD, with an RNCP code only, with a libellé only, with nothing. */
const FORMATIONS: [string | null, string | null, string | null][] = [
  ["CAP PATISSIER", "50022137", "RNCP37861"],
  ["CAP Pâtissier (intitulé de l'ERP)", "50022137", null],
  ["BTS MCO", "32031213", "RNCP38362"],
  ["TP Développeur web", null, "RNCP37674"],
  ["Titre maison", null, null],
  [null, null, null],
];
const NOMS = ["Dupont", "dupont", "DUPONT", "Émile", "de la Tour", "Martin", "martin", "Zoé", "Ärne", "Bernard"];
const PRENOMS = ["Léa", "léa", "Hugo", "Inès", "hugo"];

interface Effectif {
  id: string;
  organismeId: string;
  anneeScolaire: string;
  formation: [string | null, string | null, string | null];
  intervals: ReturnType<typeof parcoursToIntervals>;
}

function randomEffectifs(organismeIds: string[], count: number, seed: number): Effectif[] {
  const random = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  return Array.from({ length: count }, (_, n) => {
    const calendaire = random() < 0.3;
    const entree = addDays(calendaire ? "2024-01-01" : "2023-08-01", int(0, 120));
    const contrats =
      random() < 0.25
        ? []
        : [{ date_debut: addDays(entree, int(-20, 100)), date_fin: addDays(entree, int(150, 400)) as string | null }];
    const rupture = contrats[0] && random() < 0.35 ? addDays(contrats[0].date_debut, int(20, 140)) : null;
    return {
      id: `national-${seed}-${n}`,
      organismeId: organismeIds[n % organismeIds.length],
      anneeScolaire: calendaire ? "2024-2024" : "2023-2024",
      formation: FORMATIONS[int(0, FORMATIONS.length - 1)],
      nom: NOMS[int(0, NOMS.length - 1)],
      prenom: PRENOMS[int(0, PRENOMS.length - 1)],
      intervals: parcoursToIntervals(
        computeParcours({
          date_entree_formation: entree,
          date_fin_formation: addDays(entree, int(200, 700)),
          date_exclusion_formation: random() < 0.05 ? addDays(entree, int(30, 200)) : null,
          contrats: contrats.map((c) => ({ ...c, date_rupture: rupture })),
        }),
      ),
    } as Effectif & { nom: string; prenom: string };
  });
}

const effectifStatement = (e: Effectif & { nom: string; prenom: string }) =>
  env.DB.prepare(
    `INSERT INTO effectifs (id, organisme_id, annee_scolaire, id_erp_apprenant, nom, prenom, libelle_formation,
                            formation_cfd, formation_rncp, data, parcours, data_hash, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', '[]', 'h', '', '')`,
  ).bind(e.id, e.organismeId, e.anneeScolaire, e.id, e.nom, e.prenom, ...e.formation);
const intervalStatements = (e: Effectif) =>
  e.intervals.map((i) =>
    env.DB.prepare(
      "INSERT INTO effectif_statuts (effectif_id, organisme_id, annee_scolaire, du, au, statut) VALUES (?, ?, ?, ?, ?, ?)",
    ).bind(e.id, e.organismeId, e.anneeScolaire, i.du, i.au, i.statut),
  );

/** The formation's key, as SPEC'd for the breakdown: CFD, else RNCP code, else libellé. */
const cle = (cfd: string | null, rncp: string | null, libelle: string | null) =>
  cfd !== null ? `cfd:${cfd}` : rncp !== null ? `rncp:${rncp}` : libelle !== null ? `lib:${libelle}` : "";

/**
 * Independently of the counters: every interval covering the date of the organismes the country counts (fiable,
 * and their formateurs, computed here in JS), joined to its effectif, grouped by formation key in JS.
 */
async function attendu(date: string) {
  const organismes = (
    await env.DB.prepare("SELECT id, referentiel, ferme FROM organismes").all<{
      id: string;
      referentiel: number;
      ferme: number;
    }>()
  ).results;
  const fiables = new Set(organismes.filter((o) => o.referentiel === 1 && o.ferme === 0).map((o) => o.id));
  const relations = (
    await env.DB.prepare("SELECT responsable_id AS r, formateur_id AS f FROM organisme_relations").all<{
      r: string;
      f: string;
    }>()
  ).results;
  const comptes = new Set([...fiables, ...relations.filter(({ r }) => fiables.has(r)).map(({ f }) => f)]);
  const annees = anneesScolairesAt(date);
  const { results } = await env.DB.prepare(
    `SELECT s.effectif_id AS id, s.organisme_id AS organismeId, s.annee_scolaire AS annee, s.du, s.au, s.statut,
            e.formation_cfd AS cfd, e.formation_rncp AS rncp, e.libelle_formation AS libelle
       FROM effectif_statuts s JOIN effectifs e ON e.id = s.effectif_id`,
  ).all<{
    id: string;
    organismeId: string;
    annee: string;
    du: string;
    au: string | null;
    statut: Statut;
    cfd: string | null;
    rncp: string | null;
    libelle: string | null;
  }>();
  const couvrant = results.filter(
    (r) => comptes.has(r.organismeId) && annees.includes(r.annee) && r.du <= date && (r.au === null || r.au >= date),
  );
  const parCle = new Map<string, Partial<Record<Statut, number>>>();
  for (const r of couvrant) {
    const k = cle(r.cfd, r.rncp, r.libelle);
    const statuts = parCle.get(k) ?? {};
    statuts[r.statut] = (statuts[r.statut] ?? 0) + 1;
    parCle.set(k, statuts);
  }
  const formations = new Map<string, Indicateurs>();
  for (const [k, statuts] of parCle) {
    const indicateurs = indicateursFromStatuts(statuts);
    if (indicateurs.apprenants + indicateurs.abandons > 0) formations.set(k, indicateurs);
  }
  return { formations, couvrant };
}

/** The list's effectifs (`ids`) in its order (nom, prénom without case, then id), by plain SQL over the intervals. */
async function listeAttendue(date: string, statuts: Statut[], ids: Set<string>) {
  const [scolaire, civile] = anneesScolairesAt(date);
  const { results } = await env.DB.prepare(
    `SELECT s.effectif_id AS id FROM effectif_statuts s JOIN effectifs e ON e.id = s.effectif_id
      WHERE s.annee_scolaire IN (?1, ?2) AND s.du <= ?3 AND (s.au IS NULL OR s.au >= ?3)
        AND s.statut IN (SELECT value FROM json_each(?4))
      ORDER BY e.nom COLLATE NOCASE, e.prenom COLLATE NOCASE, e.id`,
  )
    .bind(scolaire, civile, date, JSON.stringify(statuts))
    .all<{ id: string }>();
  return results.map((r) => r.id).filter((id) => ids.has(id));
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

interface FormationRow {
  libelle: string | null;
  cfd: string | null;
  indicateurs: Indicateurs;
}

async function formationsNationales(cookie: string, date: string) {
  const rows: FormationRow[] = [];
  for (let page = 1; ; page++) {
    const body = await ok<{ total: number; formations: FormationRow[] }>(
      cookie,
      `/formations?date=${date}&taille=2&page=${page}`,
    );
    rows.push(...body.formations);
    if (rows.length >= body.total) {
      expect(rows).toHaveLength(body.total);
      return rows;
    }
  }
}

const DATES = ["2023-10-17", "2024-01-31", "2024-03-01", "2024-06-15"];
const STATUTS: Record<string, Statut[]> = {
  apprentis: ["APPRENTI", "FIN_DE_FORMATION"],
  rupturants: ["RUPTURANT"],
  inscrits: ["INSCRIT"],
  abandons: ["ABANDON"],
  apprenants: ["APPRENTI", "FIN_DE_FORMATION", "INSCRIT", "RUPTURANT"],
};

async function compare(cookie: string) {
  for (const date of DATES) {
    const { formations, couvrant } = await attendu(date);
    const rows = await formationsNationales(cookie, date);
    // Each key once: shown by its CFD when it has one, else by its libellé (the first given for the key).
    const affichage = (k: string) =>
      k.startsWith("cfd:")
        ? `cfd:${k.slice(4)}`
        : k.startsWith("rncp:")
          ? `lib:${FORMATIONS.find(([, cfd, rncp]) => cfd === null && rncp === k.slice(5))?.[0]}`
          : k === ""
            ? ""
            : k;
    const lues = new Map(
      rows.map((r) => [r.cfd !== null ? `cfd:${r.cfd}` : r.libelle !== null ? `lib:${r.libelle}` : "", r.indicateurs]),
    );
    expect(lues.size, date).toBe(rows.length);
    expect(lues, date).toEqual(new Map([...formations].map(([k, v]) => [affichage(k), v])));
    // Most apprenants first.
    const apprenants = rows.map((r) => r.indicateurs.apprenants);
    expect(apprenants).toEqual([...apprenants].sort((x, y) => y - x));

    for (const [indicateur, statuts] of Object.entries(STATUTS)) {
      const comptes = new Set(couvrant.filter((r) => statuts.includes(r.statut)).map((r) => r.id));
      const liste = await listeAttendue(date, statuts, comptes);
      const taille = 7;
      const pages = Math.ceil(liste.length / taille);
      const lues: string[] = [];
      for (let page = 1; page <= pages + 1; page++) {
        const body = await ok<{ total: number; rows: { effectifId: string; statut: Statut }[] }>(
          cookie,
          `/liste?indicateur=${indicateur}&date=${date}&taille=${taille}&page=${page}`,
        );
        expect(body.total, `${date} ${indicateur}`).toBe(liste.length);
        for (const row of body.rows) expect(statuts).toContain(row.statut);
        lues.push(...body.rows.map((r) => r.effectifId));
      }
      expect(lues, `${date} ${indicateur}`).toEqual(liste);
    }
  }
}

describe("the whole country (administrator, no territory)", () => {
  it("breaks its counters down by formation and opens its lists, page by page, exactly as the parcours say", async () => {
    const fiable = await createOrganisme();
    const autre = await createOrganisme({ region: "84", departement: "63", academie: "06" });
    const formateur = await createOrganisme({ referentiel: false });
    const ferme = await createOrganisme({ ferme: true });
    const horsReferentiel = await createOrganisme({ referentiel: false });
    await env.DB.prepare("INSERT INTO organisme_relations (responsable_id, formateur_id) VALUES (?, ?)")
      .bind(fiable.id, formateur.id)
      .run();
    const effectifs = randomEffectifs(
      [fiable, autre, formateur, ferme, horsReferentiel].map((o) => o.id),
      160,
      17,
    ) as (Effectif & { nom: string; prenom: string })[];
    // Half the effectifs before their intervals, the other half after: the counters are the join either way.
    await env.DB.batch(effectifs.slice(0, 80).flatMap((e) => [effectifStatement(e), ...intervalStatements(e)]));
    await env.DB.batch(effectifs.slice(80).flatMap((e) => [...intervalStatements(e), effectifStatement(e)]));
    const admin = await createUser({ isAdmin: true });
    const cookie = await loginAs(admin.email);
    await compare(cookie);

    // An ERP changes formations (the upsert runs before its intervals are replaced), replaces intervals, and some
    // effectifs are deleted: the counters follow.
    const changes = effectifs.slice(0, 60);
    await env.DB.batch(
      changes.flatMap((e, n) => {
        const [libelle, cfd, rncp] = FORMATIONS[(n + 1) % FORMATIONS.length];
        return [
          env.DB.prepare(
            `INSERT INTO effectifs (id, organisme_id, annee_scolaire, id_erp_apprenant, nom, prenom, data, parcours,
                                    data_hash, created_at, updated_at, libelle_formation, formation_cfd, formation_rncp)
             VALUES (?, ?, ?, ?, ?, ?, '{}', '[]', 'h2', '', '', ?, ?, ?)
             ON CONFLICT (organisme_id, annee_scolaire, id_erp_apprenant) DO UPDATE SET
               libelle_formation = excluded.libelle_formation, formation_cfd = excluded.formation_cfd,
               formation_rncp = excluded.formation_rncp, data_hash = excluded.data_hash`,
          ).bind(e.id, e.organismeId, e.anneeScolaire, e.id, e.nom, e.prenom, libelle, cfd, rncp),
          ...(n % 2 === 0
            ? [
                env.DB.prepare("DELETE FROM effectif_statuts WHERE effectif_id = ?").bind(e.id),
                ...intervalStatements({ ...e, intervals: e.intervals.slice(0, -1) }),
              ]
            : []),
        ];
      }),
    );
    await env.DB.prepare("UPDATE effectifs SET formation_cfd = '99999999' WHERE id = ?").bind(effectifs[70].id).run();
    await env.DB.prepare("UPDATE effectifs SET nom = 'Renommé' WHERE id = ?").bind(effectifs[71].id).run();
    // Deleted with their intervals, the effectif first or last (the lists' total is the counters', which count
    // every interval: no writer leaves one without its effectif).
    await env.DB.batch([
      env.DB.prepare("DELETE FROM effectifs WHERE id = ?").bind(effectifs[90].id),
      env.DB.prepare("DELETE FROM effectif_statuts WHERE effectif_id = ?").bind(effectifs[90].id),
      env.DB.prepare("DELETE FROM effectif_statuts WHERE effectif_id = ?").bind(effectifs[91].id),
      env.DB.prepare("DELETE FROM effectifs WHERE id = ?").bind(effectifs[91].id),
    ]);
    await compare(cookie);

    // The counters equal their backfill: the per-formation counters recomputed from scratch.
    const { results: drift } = await env.DB.prepare(
      `WITH cle AS (SELECT id, CASE WHEN formation_cfd IS NOT NULL THEN 'cfd:' || formation_cfd
                                    WHEN formation_rncp IS NOT NULL THEN 'rncp:' || formation_rncp
                                    WHEN libelle_formation IS NOT NULL THEN 'lib:' || libelle_formation ELSE '' END AS k
                      FROM effectifs),
            recalcul AS (SELECT s.annee_scolaire, s.du AS jour, s.organisme_id, cle.k, s.statut, 1 AS n
                           FROM effectif_statuts s JOIN cle ON cle.id = s.effectif_id
                         UNION ALL
                         SELECT s.annee_scolaire, date(s.au, '+1 day'), s.organisme_id, cle.k, s.statut, -1
                           FROM effectif_statuts s JOIN cle ON cle.id = s.effectif_id WHERE s.au IS NOT NULL
                         UNION ALL
                         SELECT annee_scolaire, jour, organisme_id, formation, statut, -n FROM effectif_formations_variations)
       SELECT annee_scolaire, jour, organisme_id, k, statut, sum(n) AS n FROM recalcul
        WHERE jour >= CASE WHEN substr(annee_scolaire, 1, 4) = substr(annee_scolaire, 6, 4)
                           THEN substr(annee_scolaire, 1, 4) || '-01-01' ELSE substr(annee_scolaire, 1, 4) || '-08-01' END
          AND jour < date(CASE WHEN substr(annee_scolaire, 1, 4) = substr(annee_scolaire, 6, 4)
                           THEN substr(annee_scolaire, 1, 4) || '-01-01' ELSE substr(annee_scolaire, 1, 4) || '-08-01' END, '+12 months')
        GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0`,
    ).all();
    expect(drift).toEqual([]);
  }, 120_000);

  it("still asks for a territory for a list's file, not for its pages nor the formations", async () => {
    const admin = await createUser({ isAdmin: true });
    const cookie = await loginAs(admin.email);
    for (const path of ["/formations", "/liste?indicateur=rupturants"])
      expect((await get(cookie, path)).status, path).toBe(200);
    for (const format of ["csv", "xlsx"]) {
      const national = await get<{ message: string }>(cookie, `/liste?indicateur=rupturants&export=${format}`);
      expect(national.status).toBe(400);
      expect(national.body.message).toMatch(/choisissez un territoire/);
    }
  });
});
