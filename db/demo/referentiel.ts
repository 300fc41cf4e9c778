import type { Nature, OrganismeReferentiel } from "../referentiel/organisme";
import { generateSiren, generateSiret, generateUai, withBrokenLuhn } from "./identifiants";
import { CFA_AUTONOMES, CFA_RESPONSABLES, FORMATEURS, PERSONNALITES, RUES } from "./noms";
import { createPrng, type Prng } from "./prng";
import { DEPARTEMENTS, type Departement } from "./territoires";

export interface OrganismeDemo extends OrganismeReferentiel {
  id: string;
}

export interface RelationDemo {
  responsableId: string;
  formateurId: string;
}

export interface ReferentielDemo {
  organismes: OrganismeDemo[];
  relations: RelationDemo[];
}

export const DEMO_SEED = 20240901;

/**
 * A deterministic demo référentiel: per département, CFA responsables (or responsables-formateurs) with their
 * formateurs and lieux de formation, a few stand-alone CFA, a few closed SIRETs and a few couples that are not in
 * the référentiel (seen only in ERP data). The same seed always yields the same organismes and ids.
 */
export function generateReferentiel(seed = DEMO_SEED): ReferentielDemo {
  const prng = createPrng(seed);
  const usedUai = new Set<string>();
  const organismes: OrganismeDemo[] = [];
  const relations: RelationDemo[] = [];

  const uniqueUai = (departement: string) => {
    let uai = generateUai(prng, departement);
    while (usedUai.has(uai)) uai = generateUai(prng, departement);
    usedUai.add(uai);
    return uai;
  };

  const add = (dep: Departement, nature: Nature, raisonSociale: string, enseigne: string | null, siren?: string) => {
    const commune = prng.pick(dep.communes);
    // About 5 % of real SIRETs fail Luhn; it lowers fiabilité only (SPEC §2), so the demo keeps a few.
    const siret = generateSiret(prng, siren);
    const organisme: OrganismeDemo = {
      id: prng.uuid(),
      uai: uniqueUai(dep.code),
      siret: prng.chance(0.05) ? withBrokenLuhn(siret) : siret,
      raisonSociale: fill(raisonSociale, dep, commune.nom, prng).toUpperCase(),
      enseigne: enseigne ? fill(enseigne, dep, commune.nom, prng) : null,
      nature,
      adresse: `${prng.int(1, 120)} ${prng.pick(RUES)}`,
      codePostal: commune.codePostal,
      commune: commune.nom,
      departement: dep.code,
      region: dep.region,
      academie: dep.academie,
      ferme: prng.chance(0.03),
      referentiel: !prng.chance(0.03),
    };
    organismes.push(organisme);
    return organisme;
  };

  for (const dep of DEPARTEMENTS) {
    const familles = shuffled(prng, CFA_RESPONSABLES).slice(0, prng.int(4, 5));
    for (const [raisonSociale, enseigne] of familles) {
      const nature: Nature = prng.chance(0.6) ? "responsable_formateur" : "responsable";
      const siren = generateSiren(prng);
      const responsable = add(dep, nature, raisonSociale, enseigne, siren);
      const formateurCount = prng.int(nature === "responsable" ? 2 : 1, 5);
      for (let i = 0; i < formateurCount; i++) {
        // Formateurs are either sites of the same entreprise (same SIREN) or partner lycées.
        const sameEntreprise = prng.chance(0.4);
        const formateurNature: Nature = prng.chance(0.15) ? "lieu_formation" : "formateur";
        const formateur = sameEntreprise
          ? add(dep, formateurNature, responsable.raisonSociale, "Site de {c}", siren)
          : add(dep, formateurNature, prng.pick(FORMATEURS), null);
        relations.push({ responsableId: responsable.id, formateurId: formateur.id });
      }
    }
    for (let i = prng.int(1, 2); i > 0; i--) add(dep, "responsable_formateur", prng.pick(CFA_AUTONOMES), null);
  }
  return { organismes, relations };
}

function fill(pattern: string, dep: Departement, commune: string, prng: Prng): string {
  return pattern.replace("{d}", dep.nom).replace("{c}", commune).replace("{p}", prng.pick(PERSONNALITES));
}

function shuffled<T>(prng: Prng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = prng.int(0, i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
