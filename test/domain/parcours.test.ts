import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeParcours,
  dayBefore,
  MAX_JOURS_INSCRIT_SANS_CONTRAT,
  MAX_JOURS_RUPTURANT,
  parcoursToIntervals,
  statutAt,
  TOLERANCE_FIN_DE_FORMATION_JOURS,
  type ContratDates,
  type ParcoursEntry,
  type ParcoursInput,
  type Statut,
} from "../../worker/domain/parcours";

const formation = (overrides: Partial<ParcoursInput> = {}): ParcoursInput => ({
  date_entree_formation: "2023-09-01",
  date_fin_formation: "2025-06-30",
  contrats: [],
  ...overrides,
});

/** Day n (1-based) counted from a date. */
const jour = (from: string, n: number) => new Date(Date.parse(from) + (n - 1) * 86_400_000).toISOString().slice(0, 10);

describe("statut parcours (SPEC §6)", () => {
  it("a learner without contract is INSCRIT for 90 days, ABANDON from day 91", () => {
    const parcours = computeParcours(formation());
    expect(statutAt(parcours, jour("2023-09-01", 1))).toBe("INSCRIT");
    expect(statutAt(parcours, jour("2023-09-01", 90))).toBe("INSCRIT");
    expect(statutAt(parcours, jour("2023-09-01", 91))).toBe("ABANDON");
    expect(statutAt(parcours, "2025-06-30")).toBe("ABANDON");
    expect(parcours).toEqual([
      { date: "2023-09-01", statut: "INSCRIT" },
      { date: jour("2023-09-01", 91), statut: "ABANDON" },
    ]);
  });

  it("is INSCRIT before the parcours starts", () => {
    expect(statutAt(computeParcours(formation()), "2020-01-01")).toBe("INSCRIT");
  });

  it("a contract marks APPRENTI from its start; the last day of the formation is FIN_DE_FORMATION", () => {
    const parcours = computeParcours(formation({ contrats: [{ date_debut: "2023-09-15", date_fin: "2025-06-30" }] }));
    expect(parcours).toEqual([
      { date: "2023-09-01", statut: "INSCRIT" },
      { date: "2023-09-15", statut: "APPRENTI" },
      { date: "2025-06-30", statut: "FIN_DE_FORMATION" },
    ]);
  });

  it("a ruptured contract ends the day before its rupture; RUPTURANT for 180 days, ABANDON from day 181", () => {
    const parcours = computeParcours(
      formation({ contrats: [{ date_debut: "2023-09-01", date_fin: "2025-06-30", date_rupture: "2024-01-10" }] }),
    );
    expect(statutAt(parcours, "2024-01-09")).toBe("APPRENTI");
    expect(statutAt(parcours, "2024-01-10")).toBe("RUPTURANT");
    expect(statutAt(parcours, jour("2024-01-10", 180))).toBe("RUPTURANT");
    expect(statutAt(parcours, jour("2024-01-10", 181))).toBe("ABANDON");
    expect(statutAt(parcours, "2025-06-30")).toBe("ABANDON");
  });

  it("a new contract after a rupture makes the learner APPRENTI again (several contracts)", () => {
    const parcours = computeParcours(
      formation({
        contrats: [
          { date_debut: "2024-02-01", date_fin: "2025-06-30" },
          { date_debut: "2023-09-01", date_fin: "2025-06-30", date_rupture: "2024-01-10" },
        ],
      }),
    );
    expect(parcours).toEqual([
      { date: "2023-09-01", statut: "APPRENTI" },
      { date: "2024-01-10", statut: "RUPTURANT" },
      { date: "2024-02-01", statut: "APPRENTI" },
      { date: "2025-06-30", statut: "FIN_DE_FORMATION" },
    ]);
  });

  it("an open-ended contract runs to the end of the formation", () => {
    const parcours = computeParcours(formation({ contrats: [{ date_debut: "2023-10-01" }] }));
    expect(statutAt(parcours, "2025-06-29")).toBe("APPRENTI");
    expect(statutAt(parcours, "2025-06-30")).toBe("FIN_DE_FORMATION");
  });

  it("a contract starting before the formation starts the parcours", () => {
    const parcours = computeParcours(formation({ contrats: [{ date_debut: "2023-08-20" }] }));
    expect(parcours[0]).toEqual({ date: "2023-08-20", statut: "APPRENTI" });
  });

  it("from the exclusion on, every day is ABANDON, whatever the contracts", () => {
    const parcours = computeParcours(
      formation({ date_exclusion_formation: "2024-03-01", contrats: [{ date_debut: "2023-09-01" }] }),
    );
    expect(statutAt(parcours, "2024-02-29")).toBe("APPRENTI");
    expect(statutAt(parcours, "2024-03-01")).toBe("ABANDON");
    expect(statutAt(parcours, "2025-06-30")).toBe("ABANDON");
  });

  it("a contract ended without rupture within 60 days of the end of the formation: FIN_DE_FORMATION after it", () => {
    const fin60 = computeParcours(
      formation({ contrats: [{ date_debut: "2023-09-01", date_fin: jour("2025-06-30", -59) }] }),
    );
    expect(statutAt(fin60, jour("2025-06-30", -58))).toBe("FIN_DE_FORMATION");
    expect(statutAt(fin60, "2025-06-30")).toBe("FIN_DE_FORMATION");
  });

  it("beyond 60 days the learner is RUPTURANT after the contract, and the last day is still FIN_DE_FORMATION", () => {
    const fin61 = computeParcours(
      formation({ contrats: [{ date_debut: "2023-09-01", date_fin: jour("2025-06-30", -60) }] }),
    );
    expect(statutAt(fin61, jour("2025-06-30", -59))).toBe("RUPTURANT");
    expect(statutAt(fin61, "2025-06-29")).toBe("RUPTURANT");
    expect(statutAt(fin61, "2025-06-30")).toBe("FIN_DE_FORMATION");
  });

  it("the last day is not FIN_DE_FORMATION for a rupturant whose last contract was ruptured", () => {
    const parcours = computeParcours(
      formation({ contrats: [{ date_debut: "2023-09-01", date_rupture: "2025-05-01" }] }),
    );
    expect(statutAt(parcours, "2025-06-30")).toBe("RUPTURANT");
  });

  it("an inscrit still within 90 days on the last day finishes the formation", () => {
    const parcours = computeParcours(formation({ date_fin_formation: "2023-10-15" }));
    expect(statutAt(parcours, "2023-10-14")).toBe("INSCRIT");
    expect(statutAt(parcours, "2023-10-15")).toBe("FIN_DE_FORMATION");
  });

  it("turns into intervals for effectif_statuts: from 0000-01-01, contiguous, the last one open-ended", () => {
    const parcours = computeParcours(formation({ contrats: [{ date_debut: "2023-09-15", date_fin: "2025-06-30" }] }));
    expect(parcoursToIntervals(parcours)).toEqual([
      { du: "0000-01-01", au: "2023-09-14", statut: "INSCRIT" },
      { du: "2023-09-15", au: "2025-06-29", statut: "APPRENTI" },
      { du: "2025-06-30", au: null, statut: "FIN_DE_FORMATION" },
    ]);
    expect(parcoursToIntervals([{ date: "2023-09-01", statut: "APPRENTI" }])).toEqual([
      { du: "0000-01-01", au: "2023-08-31", statut: "INSCRIT" },
      { du: "2023-09-01", au: null, statut: "APPRENTI" },
    ]);
    expect(parcoursToIntervals([])).toEqual([{ du: "0000-01-01", au: null, statut: "INSCRIT" }]);
  });
});

const DAY_MS = 86_400_000;
const toDay = (date: string) =>
  Math.floor(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS);
const fromDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The rules of SPEC §6 applied literally, one day at a time: the reference the interval computation must match. */
function parcoursJourParJour(input: ParcoursInput): ParcoursEntry[] {
  const finFormation = toDay(input.date_fin_formation);
  const contrats = input.contrats.map((c) => {
    const debut = toDay(c.date_debut);
    if (c.date_rupture) return { debut, dernierJour: toDay(c.date_rupture) - 1, finSansRupture: false };
    if (c.date_fin) return { debut, dernierJour: toDay(c.date_fin), finSansRupture: true };
    return { debut, dernierJour: finFormation, finSansRupture: false };
  });
  const premierContrat = Math.min(...contrats.map((c) => c.debut));
  const start = Math.min(toDay(input.date_entree_formation), premierContrat);
  if (start > finFormation) return [];
  const length = finFormation - start + 1;
  const statuts: Statut[] = new Array(length);
  const sousContrat = new Uint8Array(length);
  for (const c of contrats) {
    for (let d = Math.max(c.debut, start); d <= Math.min(c.dernierJour, finFormation); d++) sousContrat[d - start] = 1;
  }
  let joursSansContrat = 0;
  for (let i = 0; i < length; i++) {
    if (sousContrat[i]) {
      joursSansContrat = 0;
      statuts[i] = "APPRENTI";
      continue;
    }
    joursSansContrat++;
    if (start + i >= premierContrat) statuts[i] = joursSansContrat <= MAX_JOURS_RUPTURANT ? "RUPTURANT" : "ABANDON";
    else statuts[i] = joursSansContrat <= MAX_JOURS_INSCRIT_SANS_CONTRAT ? "INSCRIT" : "ABANDON";
  }
  for (const c of contrats) {
    if (!c.finSansRupture || finFormation - c.dernierJour > TOLERANCE_FIN_DE_FORMATION_JOURS) continue;
    for (let d = c.dernierJour + 1; d <= finFormation && !sousContrat[d - start]; d++)
      statuts[d - start] = "FIN_DE_FORMATION";
  }
  const last = length - 1;
  const dernierContrat = contrats.reduce<(typeof contrats)[number] | null>(
    (latest, c) =>
      !latest || c.debut > latest.debut || (c.debut === latest.debut && c.dernierJour > latest.dernierJour)
        ? c
        : latest,
    null,
  );
  if (statuts[last] === "APPRENTI" || statuts[last] === "INSCRIT" || dernierContrat?.finSansRupture)
    statuts[last] = "FIN_DE_FORMATION";
  if (input.date_exclusion_formation) {
    for (let d = Math.max(toDay(input.date_exclusion_formation), start); d <= finFormation; d++)
      statuts[d - start] = "ABANDON";
  }
  const parcours: ParcoursEntry[] = [];
  for (let i = 0; i < length; i++) {
    if (i === 0 || statuts[i] !== statuts[i - 1]) parcours.push({ date: fromDay(start + i), statut: statuts[i] });
  }
  return parcours;
}

/** Offsets in days, half of them on the rules' boundaries (90/91, 180/181 days, the 60-day tolerance). */
const ecart = (min: number, max: number, ...limites: number[]) =>
  fc.oneof(fc.integer({ min, max }), fc.constantFrom(...limites));

/** A contract chained after the previous one (or the entry), ended in every way the rules tell apart. */
const contratArb = fc.record({
  apres: ecart(-120, 500, 0, 1, 2, 89, 90, 91, 92, 179, 180, 181, 182),
  fin: fc.oneof(
    fc.constant({ type: "ouvert" as const }),
    fc.record({ type: fc.constant("fin" as const), jours: ecart(-3, 900, 0, 1) }),
    fc.record({ type: fc.constant("finProcheDeLaFormation" as const), jours: ecart(-5, 70, 58, 59, 60, 61, 62) }),
    fc.record({ type: fc.constant("rupture" as const), jours: ecart(0, 600, 0, 1) }),
    fc.record({ type: fc.constant("finEtRupture" as const), jours: ecart(0, 900, 0), rupture: ecart(0, 600, 0, 1) }),
  ),
});

const formationArb = fc
  .record({
    entree: fc.integer({ min: toDay("2021-01-01"), max: toDay("2025-12-31") }),
    duree: ecart(-20, 1200, 0, 1, 89, 90, 91, 179, 180, 181),
    contrats: fc.array(contratArb, { maxLength: 7 }),
    ordre: fc.array(fc.integer(), { maxLength: 7 }),
    exclusion: fc.option(ecart(-100, 1300, 0, 90, 91), { nil: undefined }),
  })
  .map(({ entree, duree, contrats, ordre, exclusion }): ParcoursInput => {
    const fin = entree + duree;
    let repere = entree;
    const dates: ContratDates[] = contrats.map((c) => {
      const debut = repere + c.apres;
      let contrat: ContratDates = { date_debut: fromDay(debut) };
      if (c.fin.type === "fin") contrat = { ...contrat, date_fin: fromDay(debut + c.fin.jours) };
      if (c.fin.type === "finProcheDeLaFormation") contrat = { ...contrat, date_fin: fromDay(fin - c.fin.jours) };
      if (c.fin.type === "rupture")
        contrat = { ...contrat, date_fin: null, date_rupture: fromDay(debut + c.fin.jours) };
      if (c.fin.type === "finEtRupture")
        contrat = { ...contrat, date_fin: fromDay(debut + c.fin.jours), date_rupture: fromDay(debut + c.fin.rupture) };
      repere = contrat.date_rupture ? toDay(contrat.date_rupture) : contrat.date_fin ? toDay(contrat.date_fin) : fin;
      return contrat;
    });
    // Sent in any order: the rules must not depend on it.
    const melanges = dates
      .map((c, i) => ({ c, cle: ordre[i] ?? i }))
      .sort((a, b) => a.cle - b.cle)
      .map((x) => x.c);
    return {
      date_entree_formation: fromDay(entree),
      date_fin_formation: fromDay(fin),
      date_exclusion_formation: exclusion === undefined ? null : fromDay(entree + exclusion),
      contrats: melanges,
    };
  });

describe("parcours computed interval by interval", () => {
  it("is exactly the day-by-day parcours, on random formations, contracts, ruptures and exclusions", () => {
    fc.assert(
      fc.property(formationArb, (input) => {
        expect(computeParcours(input)).toEqual(parcoursJourParJour(input));
      }),
      { numRuns: 5000 },
    );
  });

  it("the generator reaches every statut and the rules' boundaries", () => {
    const seen = new Set<string>();
    for (const input of fc.sample(formationArb, 3000))
      for (const entry of parcoursJourParJour(input)) seen.add(entry.statut);
    expect([...seen].sort()).toEqual(["ABANDON", "APPRENTI", "FIN_DE_FORMATION", "INSCRIT", "RUPTURANT"]);
  });

  it("matches on hand-picked boundaries: 90/91 days inscrit, 180/181 rupturant, 60/61 days before the end", () => {
    const cases: ParcoursInput[] = [
      formation({ date_fin_formation: jour("2023-09-01", 90) }),
      formation({ date_fin_formation: jour("2023-09-01", 91) }),
      formation({
        contrats: [{ date_debut: "2023-09-01", date_rupture: "2024-01-10" }, { date_debut: jour("2024-01-10", 181) }],
      }),
      formation({
        contrats: [{ date_debut: "2023-09-01", date_rupture: "2024-01-10" }, { date_debut: jour("2024-01-10", 182) }],
      }),
      formation({ contrats: [{ date_debut: "2023-09-01", date_fin: jour("2025-06-30", -59) }] }),
      formation({ contrats: [{ date_debut: "2023-09-01", date_fin: jour("2025-06-30", -60) }] }),
      formation({ contrats: [{ date_debut: "2023-12-01", date_rupture: "2023-12-01" }] }),
      formation({
        date_exclusion_formation: "2023-08-01",
        contrats: [{ date_debut: "2023-10-01", date_fin: "2025-06-30" }],
      }),
    ];
    for (const input of cases) expect(computeParcours(input)).toEqual(parcoursJourParJour(input));
  });
});

describe("dayBefore", () => {
  it("gives the calendar day before, as a Date does, from year 0 to 9999 (leap years, centuries included)", () => {
    const DAY_MS = 86_400_000;
    const first = Date.parse("0000-01-02T00:00:00Z") / DAY_MS;
    const last = Date.parse("9999-12-31T00:00:00Z") / DAY_MS;
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (day) => {
        const iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
        expect(dayBefore(iso)).toBe(new Date((day - 1) * DAY_MS).toISOString().slice(0, 10));
      }),
      { numRuns: 5000 },
    );
    for (const [date, before] of [
      ["2024-03-01", "2024-02-29"],
      ["2100-03-01", "2100-02-28"],
      ["2000-03-01", "2000-02-29"],
      ["2025-01-01", "2024-12-31"],
      ["0050-03-01", "0050-02-28"],
      ["0000-03-01", "0000-02-29"],
    ])
      expect(dayBefore(date)).toBe(before);
  });
});
