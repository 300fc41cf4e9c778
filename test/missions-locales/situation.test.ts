// The pure rules of a Mission Locale's worklist (SPEC §6, §10): which tab a learner is on, who is accompanied, the
// filters and the order.
import { describe, expect, it } from "vitest";
import { filtrerJeunes, trierJeunes } from "../../worker/domain/jeunes-en-rupture";
import {
  accompagnable,
  ageAt,
  situationRupture,
  type JeuneEnRupture,
  type SituationRupture,
} from "../../worker/domain/missions-locales";
import { computeParcours, type ContratDates } from "../../worker/domain/parcours";

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const RUPTURE = "2026-01-10";

/** A learner entered in September 2025, under contract from 2025-09-15, whose contract was broken on RUPTURE. */
const parcours = (
  options: { fin?: string; contrats?: ContratDates[]; exclusion?: string } = {},
): ReturnType<typeof computeParcours> =>
  computeParcours({
    date_entree_formation: "2025-09-01",
    date_fin_formation: options.fin ?? "2027-06-30",
    date_exclusion_formation: options.exclusion ?? null,
    contrats: options.contrats ?? [{ date_debut: "2025-09-15", date_fin: "2027-06-30", date_rupture: RUPTURE }],
  });

const situation = (p: ReturnType<typeof computeParcours>, joursApresRupture: number) =>
  situationRupture(p, addDays(RUPTURE, joursApresRupture));

describe("situationRupture", () => {
  it("puts a learner whose contract was broken on the rupturants tab, with the day of the rupture and the days since", () => {
    expect(situation(parcours(), 10)).toEqual({
      onglet: "rupturants",
      dateRupture: RUPTURE,
      joursDepuisRupture: 10,
    } satisfies SituationRupture);
    expect(situation(parcours(), 0)).toMatchObject({ onglet: "rupturants", joursDepuisRupture: 0 });
  });

  it("is null before the rupture, under contract, and for a learner who never had a contract", () => {
    expect(situation(parcours(), -1)).toBeNull();
    const sansRupture = parcours({ contrats: [{ date_debut: "2025-09-15", date_fin: "2027-06-30" }] });
    expect(situationRupture(sansRupture, "2026-03-01")).toBeNull();
    // Inscrit, then ABANDON after 90 days without any contract: not a rupture.
    const jamaisDeContrat = computeParcours({
      date_entree_formation: "2025-09-01",
      date_fin_formation: "2027-06-30",
      contrats: [],
    });
    expect(situationRupture(jamaisDeContrat, "2026-03-01")).toBeNull();
    expect(situationRupture([], "2026-03-01")).toBeNull();
  });

  it("moves the learner to the abandons tab on the 181st day without contract (SPEC §6: RUPTURANT while ≤ 180 days)", () => {
    // Day RUPTURE is the first day without contract: day 180 is RUPTURE + 179.
    expect(situation(parcours(), 179)).toMatchObject({ onglet: "rupturants", joursDepuisRupture: 179 });
    expect(situation(parcours(), 180)).toEqual({ onglet: "abandons", dateRupture: RUPTURE, joursDepuisRupture: 180 });
    expect(situation(parcours(), 364)).toMatchObject({ onglet: "abandons", dateRupture: RUPTURE });
    // A year after the rupture, the learner is no longer shown.
    expect(situation(parcours(), 366)).toBeNull();
  });

  it("switches a learner whose formation ended while rupturant on the same day as one whose formation goes on", () => {
    // The formation ends 30 days after the rupture: the parcours stops at RUPTURANT.
    const finie = parcours({
      fin: addDays(RUPTURE, 30),
      contrats: [{ date_debut: "2025-09-15", date_fin: addDays(RUPTURE, 30), date_rupture: RUPTURE }],
    });
    expect(finie.at(-1)?.statut).toBe("RUPTURANT");
    expect(situation(finie, 60)).toMatchObject({ onglet: "rupturants", dateRupture: RUPTURE, joursDepuisRupture: 60 });
    for (const jours of [179, 180, 181])
      expect(situation(finie, jours)?.onglet, `${jours} jours`).toBe(situation(parcours(), jours)?.onglet);
  });

  it("shows a learner back under contract as « nouveau contrat signé » for 30 days after the new contract's start", () => {
    const nouveau = addDays(RUPTURE, 40);
    const p = parcours({
      contrats: [
        { date_debut: "2025-09-15", date_fin: "2027-06-30", date_rupture: RUPTURE },
        { date_debut: nouveau, date_fin: "2027-06-30" },
      ],
    });
    expect(situation(p, 39)).toMatchObject({ onglet: "rupturants" });
    expect(situationRupture(p, nouveau)).toEqual({
      onglet: "nouveau_contrat",
      dateRupture: RUPTURE,
      joursDepuisRupture: 40,
    } satisfies SituationRupture);
    expect(situationRupture(p, addDays(nouveau, 30))).toMatchObject({ onglet: "nouveau_contrat" });
    expect(situationRupture(p, addDays(nouveau, 31))).toBeNull();
  });

  it("puts a learner excluded from the formation after the rupture on the abandons tab", () => {
    const p = parcours({ exclusion: addDays(RUPTURE, 20) });
    expect(situation(p, 25)).toEqual({ onglet: "abandons", dateRupture: RUPTURE, joursDepuisRupture: 25 });
  });
});

describe("ageAt and accompagnable", () => {
  it("counts whole years, the birthday included", () => {
    expect(ageAt("2010-03-15", "2026-03-14")).toBe(15);
    expect(ageAt("2010-03-15", "2026-03-15")).toBe(16);
    expect(ageAt("2000-12-31", "2026-12-30")).toBe(25);
    expect(ageAt("2000-12-31", "2026-12-31")).toBe(26);
    expect(ageAt("2008-02-29", "2026-02-28")).toBe(17);
    expect(ageAt("2008-02-29", "2026-03-01")).toBe(18);
  });

  it("keeps the 16 to 25 year-olds, and RQTH at any age", () => {
    expect(accompagnable(15, false)).toBe(false);
    expect(accompagnable(16, false)).toBe(true);
    expect(accompagnable(25, false)).toBe(true);
    expect(accompagnable(26, false)).toBe(false);
    expect(accompagnable(40, false)).toBe(false);
    expect(accompagnable(40, true)).toBe(true);
    expect(accompagnable(26, true)).toBe(true);
  });
});

const jeune = (overrides: Partial<JeuneEnRupture>): JeuneEnRupture => ({
  effectifId: crypto.randomUUID(),
  nom: "MARTIN",
  prenom: "Léa",
  sexe: "F",
  age: 19,
  mineur: false,
  rqth: false,
  telephone: "0600000000",
  email: "lea@exemple.fr",
  commune: { code: "63113", nom: "Clermont-Ferrand" },
  formation: "CAP Boulanger",
  cfa: { id: "cfa-1", nom: "CFA des Volcans", commune: "Clermont-Ferrand", contact: null },
  siretEmployeur: null,
  dateRupture: "2026-01-10",
  joursDepuisRupture: 10,
  onglet: "rupturants",
  etat: "a_traiter",
  recontacterLe: null,
  signaleAt: null,
  ...overrides,
});

describe("filtrerJeunes and trierJeunes", () => {
  const jeunes = [
    jeune({ nom: "ANCIEN", dateRupture: "2025-12-01" }),
    jeune({ nom: "RECENT", dateRupture: "2026-01-20" }),
    jeune({ nom: "SIGNALE", dateRupture: "2025-11-01", signaleAt: "2026-01-15T10:00:00.000Z" }),
    jeune({ nom: "SIGNALE-TARD", dateRupture: "2025-10-01", signaleAt: "2026-01-18T10:00:00.000Z" }),
    jeune({ nom: "ÉLODIE", prenom: "Zoé", dateRupture: "2026-01-20" }),
    jeune({ nom: "MINEUR", age: 17, mineur: true, commune: { code: "63300", nom: "Riom" } }),
    jeune({
      nom: "RQTH",
      age: 40,
      rqth: true,
      cfa: { id: "cfa-2", nom: "Pôle Formation", commune: null, contact: null },
    }),
    jeune({ nom: "CONTACTE", etat: "contacte" }),
    jeune({ nom: "REPRIS", onglet: "nouveau_contrat" }),
    jeune({ nom: "PARTI", onglet: "abandons" }),
  ];

  it("puts the signalled learners first (latest signalement first), then the most recent ruptures, then by name", () => {
    const tries = trierJeunes(filtrerJeunes(jeunes, { onglet: "rupturants" }));
    expect(tries.map((j) => j.nom)).toEqual([
      "SIGNALE-TARD",
      "SIGNALE",
      "ÉLODIE",
      "RECENT",
      "CONTACTE",
      "MINEUR",
      "RQTH",
      "ANCIEN",
    ]);
  });

  it("keeps one tab, and filters by state, commune, CFA, RQTH, minors and a search without accents or case", () => {
    const noms = (filtres: Parameters<typeof filtrerJeunes>[1]) => filtrerJeunes(jeunes, filtres).map((j) => j.nom);
    expect(noms({ onglet: "nouveau_contrat" })).toEqual(["REPRIS"]);
    expect(noms({ onglet: "abandons" })).toEqual(["PARTI"]);
    expect(noms({ onglet: "rupturants", etat: "contacte" })).toEqual(["CONTACTE"]);
    expect(noms({ onglet: "rupturants", commune: "63300" })).toEqual(["MINEUR"]);
    expect(noms({ onglet: "rupturants", cfa: "cfa-2" })).toEqual(["RQTH"]);
    expect(noms({ onglet: "rupturants", rqth: true })).toEqual(["RQTH"]);
    expect(noms({ onglet: "rupturants", mineur: true })).toEqual(["MINEUR"]);
    expect(noms({ onglet: "rupturants", q: "  elodie " })).toEqual(["ÉLODIE"]);
    expect(noms({ onglet: "rupturants", q: "RIOM" })).toEqual(["MINEUR"]);
    expect(noms({ onglet: "rupturants", q: "pole formation" })).toEqual(["RQTH"]);
  });
});
