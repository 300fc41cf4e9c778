import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { apiFetch, createOrganisme, createUser, loginAs } from "../helpers/accounts";
import {
  countedAt,
  countersAt,
  countersByFormation,
  INDICATEUR_STATUTS_ATTENDUS,
  modele,
  type Counters,
  type Modele,
} from "./expected";
import { pushJeu, todayParis, type Jeu } from "./setup";

const DATES = [
  "2023-08-31",
  "2023-10-15",
  "2024-01-31",
  "2024-03-15",
  "2024-07-31",
  "2024-08-01",
  "2024-12-31",
  "2025-06-30",
];
const INDICATEURS = ["apprenants", "apprentis", "rupturants", "inscrits", "abandons"] as const;

let jeu: Jeu;
let m: Modele[];

beforeAll(async () => {
  jeu = await pushJeu();
  m = modele(jeu.pushed);
});

async function get<T>(path: string): Promise<T> {
  const response = await apiFetch(`/api/organismes/${jeu.responsable.id}${path}`, { cookie: jeu.cookie });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

describe("counters at a date, against an independent computation", () => {
  it("match at several dates of two school years and a calendar year", async () => {
    const seen: Counters[] = [];
    for (const date of DATES) {
      const { indicateurs } = await get<{ indicateurs: Counters }>(`/indicateurs?date=${date}`);
      expect(indicateurs, date).toEqual(countersAt(m, date));
      seen.push(indicateurs);
    }
    // The data exercises every counter, so that equality means something.
    for (const key of INDICATEURS) expect(Math.max(...seen.map((c) => c[key])), key).toBeGreaterThan(0);
  });

  it("by formation: every formation's counters match, and they add up to the organisme's", async () => {
    for (const date of ["2023-10-15", "2024-03-15", "2024-12-31"]) {
      const { formations } = await get<{
        formations: { libelle: string | null; cfd: string | null; indicateurs: Counters }[];
      }>(`/indicateurs/formations?date=${date}`);
      const actual = new Map(formations.map((f) => [`${f.libelle ?? ""}|${f.cfd ?? ""}`, f.indicateurs]));
      expect(actual, date).toEqual(countersByFormation(m, date));
      expect(formations.length).toBeGreaterThan(5);
      const sum = Object.fromEntries(INDICATEURS.map((k) => [k, formations.reduce((n, f) => n + f.indicateurs[k], 0)]));
      expect(sum).toEqual(countersAt(m, date));
      const apprenants = formations.map((f) => f.indicateurs.apprenants);
      expect(apprenants).toEqual([...apprenants].sort((a, b) => b - a));
    }
  });

  it("month by month over a past school year: twelve month-ends, August to July", async () => {
    const { anneeScolaire, points } = await get<{
      anneeScolaire: string;
      points: { mois: string; date: string; indicateurs: Counters }[];
    }>("/indicateurs/evolution?annee=2023-2024");
    expect(anneeScolaire).toBe("2023-2024");
    expect(points.map((p) => p.date)).toEqual([
      "2023-08-31",
      "2023-09-30",
      "2023-10-31",
      "2023-11-30",
      "2023-12-31",
      "2024-01-31",
      "2024-02-29",
      "2024-03-31",
      "2024-04-30",
      "2024-05-31",
      "2024-06-30",
      "2024-07-31",
    ]);
    for (const point of points) expect(point.indicateurs, point.date).toEqual(countersAt(m, point.date));
  });

  it("over the current school year: today for the current month, nothing for months to come", async () => {
    const today = todayParis();
    const { anneeScolaire, points } = await get<{
      anneeScolaire: string;
      points: { mois: string; date: string | null; indicateurs: Counters | null }[];
    }>("/indicateurs/evolution");
    expect(points).toHaveLength(12);
    expect(points[0].mois).toBe(`${anneeScolaire.slice(0, 4)}-08`);
    const courant = points.find((p) => p.mois === today.slice(0, 7))!;
    expect(courant).toMatchObject({ date: today, indicateurs: countersAt(m, today) });
    for (const p of points.filter((p) => p.mois > today.slice(0, 7)))
      expect(p).toMatchObject({ date: null, indicateurs: null });
  });
});

interface Ligne {
  nom: string;
  prenom: string;
  dateDeNaissance: string | null;
  formation: string | null;
  statut: string;
  depuis: string | null;
  contrat: {
    dateDebut: string;
    dateFin: string | null;
    dateRupture: string | null;
    siretEmployeur: string | null;
  } | null;
}

async function listeComplete(indicateur: string, date: string): Promise<{ total: number; rows: Ligne[] }> {
  const rows: Ligne[] = [];
  for (let page = 1; ; page++) {
    const body = await get<{ total: number; rows: Ligne[] }>(
      `/indicateurs/liste?indicateur=${indicateur}&date=${date}&taille=200&page=${page}`,
    );
    rows.push(...body.rows);
    if (rows.length >= body.total || body.rows.length === 0) return { total: body.total, rows };
  }
}

const personne = (p: { nom: string; prenom: string; dateDeNaissance: string | null; formation: string | null }) =>
  `${p.nom}|${p.prenom}|${p.dateDeNaissance}|${p.formation}`;

describe("nominative lists", () => {
  it("list exactly the learners each counter counts, with their statut, since when and contract", async () => {
    const date = "2024-03-15";
    for (const indicateur of INDICATEURS) {
      const expected = countedAt(m, date).filter((x) => INDICATEUR_STATUTS_ATTENDUS[indicateur].includes(x.statut));
      const { total, rows } = await listeComplete(indicateur, date);
      expect(total, indicateur).toBe(expected.length);
      // Since when: the parcours entry in force at the date (none before the parcours starts).
      expect(rows.map((r) => `${personne(r)}|${r.statut}|${r.depuis}`).sort(), indicateur).toEqual(
        expected
          .map((x) => {
            const depuis = x.parcours.filter((e) => e.date <= date).at(-1)?.date ?? null;
            const p = {
              nom: x.dossier.nom_apprenant,
              prenom: x.dossier.prenom_apprenant,
              dateDeNaissance: x.dossier.date_de_naissance_apprenant,
              formation: x.dossier.libelle_court_formation ?? null,
            };
            return `${personne(p)}|${x.statut}|${depuis}`;
          })
          .sort(),
      );
      for (const row of rows) {
        if (row.statut === "APPRENTI") expect(row.contrat?.dateDebut && row.contrat.dateDebut <= date).toBe(true);
        if (row.statut === "RUPTURANT") expect(row.contrat?.dateRupture && row.contrat.dateRupture <= date).toBe(true);
      }
    }
  });

  it("is sorted by name and paged", async () => {
    const first = await get<{ total: number; rows: Ligne[]; page: number; taille: number }>(
      "/indicateurs/liste?indicateur=apprenants&date=2023-10-15&taille=10",
    );
    expect(first).toMatchObject({ page: 1, taille: 10 });
    expect(first.rows).toHaveLength(10);
    const second = await get<{ rows: Ligne[] }>(
      "/indicateurs/liste?indicateur=apprenants&date=2023-10-15&taille=10&page=2",
    );
    const noms = [...first.rows, ...second.rows].map((r) => r.nom);
    expect(noms).toEqual([...noms].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
    expect(new Set([...first.rows, ...second.rows].map(personne)).size).toBe(20);
  });

  it("exports the whole list and logs every download", async () => {
    const date = "2024-03-15";
    const csv = await get<{ total: number; rows: Ligne[] }>(
      `/indicateurs/liste?indicateur=apprentis&date=${date}&export=csv`,
    );
    expect(csv.rows).toHaveLength(countersAt(m, date).apprentis);
    expect(csv.total).toBe(csv.rows.length);
    await get(`/indicateurs/liste?indicateur=rupturants&date=${date}&export=xlsx`);
    await get(`/indicateurs/liste?indicateur=rupturants&date=${date}`);
    const log = await env.DB.prepare(
      "SELECT kind, user_id AS userId FROM downloads_log WHERE organisme_id = ? AND kind NOT LIKE '%-page' ORDER BY id",
    )
      .bind(jeu.responsable.id)
      .all<{ kind: string; userId: string }>();
    expect(log.results.map((r) => r.kind)).toEqual(["indicateur-apprentis-csv", "indicateur-rupturants-xlsx"]);
    expect(log.results[0].userId).toBeTruthy();
  });
});

describe("access and parameters", () => {
  const routes = (id: string) => [
    `/api/organismes/${id}/indicateurs/formations?date=2024-01-01`,
    `/api/organismes/${id}/indicateurs/evolution?annee=2023-2024`,
    `/api/organismes/${id}/indicateurs/liste?indicateur=apprentis&date=2024-01-01`,
    `/api/organismes/${id}/indicateurs/liste?indicateur=apprentis&date=2024-01-01&export=csv`,
    `/api/organismes/${id}/transmissions?jours=30`,
  ];

  it("refuses another organisme's users and visitors, and logs no download for them", async () => {
    const other = await createOrganisme();
    const otherCookie = await loginAs((await createUser({ organismeId: other.id })).email);
    for (const path of routes(jeu.responsable.id)) {
      const response = await apiFetch(path, { cookie: otherCookie });
      expect(response.status, path).toBe(403);
      expect(((await response.json()) as { message: string }).message).toBe("Vous n'avez pas accès à cet organisme.");
      expect((await apiFetch(path)).status, path).toBe(401);
    }
    const log = await env.DB.prepare(
      "SELECT count(*) AS n FROM downloads_log WHERE organisme_id = ? AND kind LIKE '%csv' AND kind = 'indicateur-apprentis-csv'",
    )
      .bind(jeu.responsable.id)
      .first<{ n: number }>();
    expect(log!.n).toBe(1);
  });

  it("lets a formateur's users see the formateur alone, not its responsable", async () => {
    const cookie = await loginAs((await createUser({ organismeId: jeu.formateur.id })).email);
    const response = await apiFetch(`/api/organismes/${jeu.formateur.id}/indicateurs/formations?date=2024-03-15`, {
      cookie,
    });
    expect(response.status).toBe(200);
    const { formations } = (await response.json()) as { formations: { indicateurs: Counters }[] };
    const formateurSeul = m.filter((x) => x.dossier.etablissement_formateur_siret === jeu.formateur.siret);
    expect(formations.reduce((n, f) => n + f.indicateurs.apprenants, 0)).toBe(
      countersAt(formateurSeul, "2024-03-15").apprenants,
    );
    expect((await apiFetch(`/api/organismes/${jeu.responsable.id}/indicateurs/formations`, { cookie })).status).toBe(
      403,
    );
  });

  it("rejects malformed parameters with French messages", async () => {
    const cases: [string, string][] = [
      ["/indicateurs/formations?date=2024-02-30", "Date invalide (format attendu : AAAA-MM-JJ)."],
      ["/indicateurs/formations?date=15/03/2024", "Date invalide (format attendu : AAAA-MM-JJ)."],
      ["/indicateurs/evolution?annee=2023-2025", "Année scolaire invalide (format attendu : 2026-2027)."],
      [
        "/indicateurs/liste?indicateur=tous&date=2024-01-01",
        "Indicateur inconnu (attendu : apprenants, apprentis, rupturants, inscrits ou abandons).",
      ],
      ["/indicateurs/liste?indicateur=apprentis&export=pdf", "Format d'export inconnu (attendu : csv ou xlsx)."],
      ["/transmissions?jours=0", "Nombre de jours invalide (entre 1 et 366)."],
      ["/transmissions?date=2024-13-01", "Date invalide (format attendu : AAAA-MM-JJ)."],
    ];
    for (const [path, message] of cases) {
      const response = await apiFetch(`/api/organismes/${jeu.responsable.id}${path}`, { cookie: jeu.cookie });
      expect(response.status, path).toBe(400);
      expect(((await response.json()) as { message: string }).message, path).toBe(message);
    }
  });
});
