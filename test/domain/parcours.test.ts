import { describe, expect, it } from "vitest";
import { computeParcours, parcoursToIntervals, statutAt, type ParcoursInput } from "../../worker/domain/parcours";

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
    const parcours = computeParcours(formation({ contrats: [{ date_debut: "2023-09-01", date_fin: "2025-06-30", date_rupture: "2024-01-10" }] }));
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
    const parcours = computeParcours(formation({ date_exclusion_formation: "2024-03-01", contrats: [{ date_debut: "2023-09-01" }] }));
    expect(statutAt(parcours, "2024-02-29")).toBe("APPRENTI");
    expect(statutAt(parcours, "2024-03-01")).toBe("ABANDON");
    expect(statutAt(parcours, "2025-06-30")).toBe("ABANDON");
  });

  it("a contract ended without rupture within 60 days of the end of the formation: FIN_DE_FORMATION after it", () => {
    const fin60 = computeParcours(formation({ contrats: [{ date_debut: "2023-09-01", date_fin: jour("2025-06-30", -59) }] }));
    expect(statutAt(fin60, jour("2025-06-30", -58))).toBe("FIN_DE_FORMATION");
    expect(statutAt(fin60, "2025-06-30")).toBe("FIN_DE_FORMATION");
  });

  it("beyond 60 days the learner is RUPTURANT after the contract, and the last day is still FIN_DE_FORMATION", () => {
    const fin61 = computeParcours(formation({ contrats: [{ date_debut: "2023-09-01", date_fin: jour("2025-06-30", -60) }] }));
    expect(statutAt(fin61, jour("2025-06-30", -59))).toBe("RUPTURANT");
    expect(statutAt(fin61, "2025-06-29")).toBe("RUPTURANT");
    expect(statutAt(fin61, "2025-06-30")).toBe("FIN_DE_FORMATION");
  });

  it("the last day is not FIN_DE_FORMATION for a rupturant whose last contract was ruptured", () => {
    const parcours = computeParcours(formation({ contrats: [{ date_debut: "2023-09-01", date_rupture: "2025-05-01" }] }));
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
