/**
 * Part 9: what the capacity plan (docs/capacite.md) is computed from. Bytes per effectif, all tables and indexes
 * included: D1's database size (`meta.size_after`, bench route /taille) before and after real ERP pushes (the
 * pipeline's rows: effectif, parcours intervals, counters, report rows, transmission) and before and after each
 * school year of the national loader (lighter rows: no dossier JSON, no report rows). Then the national indicators
 * over 3 school years × 1,000,000 effectifs.
 */
import { generateDossiers } from "../tools/demo/dossiers";
import { DEMO_API_KEY, gesti } from "./demo";
import { postJson, timed } from "./http";
import { PUSH_SIZE } from "./ingestion";
import { loadNational } from "./national";

export interface Taille {
  octets: number;
  effectifs: number;
}

export const taille = async (baseUrl: string) => (await timed<Taille>(`${baseUrl}/api/bench/taille`)).body;

export interface Octets {
  label: string;
  effectifs: number;
  octets: number;
  seconds: number;
}

/** `pushes` pushes of 2000 new learners of the demo organisme through the whole pipeline, one after the other. */
export async function octetsPipeline(
  baseUrl: string,
  options: { pushes: number; anneeScolaire: string; today: string },
): Promise<Octets> {
  const before = await taille(baseUrl);
  const started = performance.now();
  for (let k = 0; k < options.pushes; k++) {
    const dossiers = generateDossiers({
      count: PUSH_SIZE,
      seed: 90_000 + k,
      anneeScolaire: options.anneeScolaire,
      formateur: gesti,
      responsable: gesti,
      invalidRatio: 0,
      asOf: options.today,
    });
    await timed(`${baseUrl}/api/v3/dossiers-apprenants`, {
      ...postJson(null, { Authorization: `Bearer ${DEMO_API_KEY}` }),
      body: JSON.stringify(dossiers),
    });
  }
  const after = await taille(baseUrl);
  return {
    label: `${options.pushes} envois de ${PUSH_SIZE} dossiers par le pipeline`,
    effectifs: after.effectifs - before.effectifs,
    octets: after.octets - before.octets,
    seconds: (performance.now() - started) / 1000,
  };
}

/** One school year of the national loader (`premier`: its effectifs' first number). */
export async function octetsNational(
  baseUrl: string,
  options: { total: number; anneeScolaire: string; premier: number },
): Promise<Octets> {
  const before = await taille(baseUrl);
  const { seconds } = await loadNational(baseUrl, options.total, options.anneeScolaire, options.premier);
  const after = await taille(baseUrl);
  return {
    label: `chargeur national, année ${options.anneeScolaire}`,
    effectifs: after.effectifs - before.effectifs,
    octets: after.octets - before.octets,
    seconds,
  };
}

export const octetsParEffectif = (o: Octets) => (o.effectifs ? o.octets / o.effectifs : NaN);

/** "2026-2027" → "2025-2026" */
export const anneePrecedente = (anneeScolaire: string) => {
  const debut = Number(anneeScolaire.slice(0, 4)) - 1;
  return `${debut}-${debut + 1}`;
};
