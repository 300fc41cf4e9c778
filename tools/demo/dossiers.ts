/**
 * Deterministic generator of dossiers apprenants as an ERP sends them (SPEC §5.1): plain JSON, dates as
 * "YYYY-MM-DD", phone numbers as typed, 0 to 2 contracts, some ruptures and exclusions, and a share of invalid
 * records. Dossier i depends only on (seed, i), so a longer run repeats the shorter one's dossiers: resending
 * them is an update with no change. Pure, so the ERP simulator, the benchmark and the seed all reuse it.
 */
import { generateSiret } from "../../db/demo/identifiants";
import { RUES } from "../../db/demo/noms";
import { createPrng, seedFrom, type Prng } from "../../db/demo/prng";
import { DEPARTEMENTS } from "../../db/demo/territoires";
import { FORMATIONS, type FormationDemo } from "./formations";
import { NOMS, PRENOMS_F, PRENOMS_M } from "./personnes";

export interface CoupleErp {
  uai: string;
  siret: string;
}

export interface GenerateDossiersOptions {
  count: number;
  seed: number;
  /** "2023-2024" (the dossiers' rentrée is the first year) */
  anneeScolaire: string;
  formateur: CoupleErp;
  responsable: CoupleErp;
  /** share of records made invalid on purpose, 0 to 1 */
  invalidRatio?: number;
  /** "YYYY-MM-DD": ruptures, exclusions and second contracts happen no later than this day (an ERP knows no future) */
  asOf?: string;
}

export type DossierErp = Record<string, string | number | boolean>;

const CAUSES_RUPTURE = [
  "Démission",
  "Rupture conventionnelle",
  "Licenciement",
  "Rupture pendant la période d'essai",
  "Résiliation judiciaire",
];
const DERNIERES_SITUATIONS = [1003, 2001, 3001, 3101, 4001, 4101, 9900];

export function generateDossiers(options: GenerateDossiersOptions): DossierErp[] {
  return Array.from({ length: options.count }, (_, index) => generateDossier(options, index));
}

export function generateDossier(options: GenerateDossiersOptions, index: number): DossierErp {
  const prng = createPrng(seedFrom(`${options.seed}:${index}`));
  const rentree = Number(options.anneeScolaire.slice(0, 4));
  const dossier: DossierErp = {
    ...apprenant(prng, options.formateur.uai, rentree),
    annee_scolaire: options.anneeScolaire,
    id_erp_apprenant: `${1000 + (options.seed % 9000)}${String(index + 1).padStart(5, "0")}`,
    ...formation(prng, rentree),
    etablissement_responsable_uai: options.responsable.uai,
    etablissement_responsable_siret: options.responsable.siret,
    etablissement_formateur_uai: options.formateur.uai,
    etablissement_formateur_siret: options.formateur.siret,
    etablissement_lieu_de_formation_uai: options.formateur.uai,
    etablissement_lieu_de_formation_siret: options.formateur.siret,
  };
  const asOf = options.asOf ?? "9999-12-31";
  const debutAnnee = `${rentree}-08-01`;
  const premiereAnnee = dossier.annee_formation === 1;
  Object.assign(
    dossier,
    contrats(prng, String(dossier.date_entree_formation), String(dossier.date_fin_formation), {
      asOf,
      debutAnnee,
      premiereAnnee,
    }),
  );
  const exclusion = addDays(String(dossier.date_entree_formation), prng.int(60, 200));
  if (prng.chance(0.03) && exclusion <= asOf) {
    dossier.date_exclusion_formation = exclusion;
    dossier.cause_exclusion_formation = "Abandon de formation";
  }
  if (prng.chance(options.invalidRatio ?? 0)) corrupt(prng, dossier);
  return dossier;
}

function apprenant(prng: Prng, uaiFormateur: string, rentree: number): DossierErp {
  const sexe = prng.chance(0.55) ? "M" : "F";
  const prenom = prng.pick(sexe === "M" ? PRENOMS_M : PRENOMS_F);
  const nom = prng.pick(NOMS);
  const departement = DEPARTEMENTS.find((d) => `0${d.code}` === uaiFormateur.slice(0, 3)) ?? prng.pick(DEPARTEMENTS);
  const commune = prng.pick(departement.communes);
  const ascii = (text: string) =>
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z]+/g, "");
  const dossier: DossierErp = {
    // ERPs send names as typed: upper-case or not, sometimes with stray spaces (normalised on our side).
    nom_apprenant: prng.chance(0.7) ? nom.toUpperCase() : ` ${nom} `,
    prenom_apprenant: prenom,
    date_de_naissance_apprenant: `${rentree - prng.int(16, 24)}-${pad(prng.int(1, 12))}-${pad(prng.int(1, 28))}`,
    // H / M / 1 / F / 2: ERPs use all of these.
    sexe_apprenant: sexe === "M" ? prng.pick(["M", "H", "1"]) : prng.pick(["F", "2"]),
    email_contact: `${ascii(prenom)}.${ascii(nom)}${prng.int(1, 99)}@exemple.fr`,
    tel_apprenant: prng.chance(0.5)
      ? `06${prng.digits(8)}`
      : `+33 7 ${prng.digits(2)} ${prng.digits(2)} ${prng.digits(2)} ${prng.digits(2)}`,
    adresse_apprenant: `${prng.int(1, 150)} ${prng.pick(RUES)}`,
    code_postal_apprenant: commune.codePostal,
    code_commune_insee_apprenant: commune.codeInsee,
    derniere_situation: prng.pick(DERNIERES_SITUATIONS),
    type_cfa: "01",
    rqth_apprenant: prng.chance(0.03),
  };
  if (prng.chance(0.8))
    dossier.ine_apprenant = `${prng.digits(9)}${String.fromCharCode(65 + prng.int(0, 25))}${String.fromCharCode(65 + prng.int(0, 25))}`;
  if (prng.chance(0.4)) dossier.nir_apprenant = `${sexe === "M" ? 1 : 2}${prng.digits(12)}`;
  if (prng.chance(0.6)) dossier.responsable_apprenant_mail1 = `parent.${ascii(nom)}@exemple.fr`;
  return dossier;
}

function formation(prng: Prng, rentree: number): DossierErp {
  const f: FormationDemo = prng.pick(FORMATIONS);
  const annees = Math.ceil(f.mois / 12);
  // A learner of the rentrée may be in the first year of the formation or in a later one.
  const anneeFormation = prng.int(1, annees);
  const debut = rentree - (anneeFormation - 1);
  const entree = `${debut}-${pad(prng.chance(0.8) ? 9 : 10)}-${pad(prng.int(1, 28))}`;
  return {
    libelle_court_formation: f.libelle,
    formation_cfd: f.cfd,
    // ERPs send RNCP codes with or without the prefix.
    formation_rncp: prng.chance(0.8) ? f.rncp : f.rncp.slice(4),
    annee_formation: anneeFormation,
    duree_theorique_formation_mois: f.mois,
    date_inscription_formation: addDays(entree, -prng.int(10, 90)),
    date_entree_formation: entree,
    date_fin_formation: `${debut + annees}-${pad(prng.chance(0.7) ? 6 : 7)}-${pad(prng.int(1, 30))}`,
    formation_presentielle: true,
  };
}

/**
 * 0, 1 or 2 contracts; a ruptured first contract is often followed by another one with a new employer. Learners
 * past their first year nearly all have a contract, and their ruptures happen during this school year (someone who
 * left the year before is no longer in the ERP's list).
 */
function contrats(
  prng: Prng,
  entree: string,
  fin: string,
  when: { asOf: string; debutAnnee: string; premiereAnnee: boolean },
): DossierErp {
  if (prng.chance(when.premiereAnnee ? 0.15 : 0.03)) return {};
  const slots: DossierErp = {};
  const debut = addDays(entree, prng.int(-30, 45));
  slots.contrat_date_debut = debut;
  slots.contrat_date_fin = fin;
  slots.siret_employeur = prng.chance(0.97) ? generateSiret(prng) : prng.digits(9);
  const asOf = when.asOf;
  const rupture = minDate(addDays(debut > when.debutAnnee ? debut : when.debutAnnee, prng.int(20, 300)), fin);
  if (prng.chance(0.18) && rupture <= asOf) {
    slots.contrat_date_rupture = rupture;
    slots.cause_rupture_contrat = prng.pick(CAUSES_RUPTURE);
    if (prng.chance(0.5)) {
      const debut2 = addDays(rupture, prng.int(7, 120));
      if (debut2 < fin && debut2 <= asOf) {
        slots.contrat_date_debut_2 = debut2;
        slots.contrat_date_fin_2 = fin;
        slots.siret_employeur_2 = generateSiret(prng);
      }
    }
  }
  return slots;
}

/** One realistic mistake per invalid record, as ERP exports really contain. */
function corrupt(prng: Prng, dossier: DossierErp) {
  switch (prng.int(0, 5)) {
    case 0:
      dossier.etablissement_formateur_uai = `${String(dossier.etablissement_formateur_uai).slice(0, 6)}X`;
      break;
    case 1:
      delete dossier.date_de_naissance_apprenant;
      break;
    case 2:
      delete dossier.date_entree_formation;
      break;
    case 3:
      dossier.date_fin_formation = addDays(String(dossier.date_entree_formation), -prng.int(1, 60));
      break;
    case 4:
      dossier.annee_scolaire = String(dossier.annee_scolaire).replace(
        /-(\d{4})$/,
        (_, y: string) => `-${Number(y) + 2}`,
      );
      break;
    default:
      dossier.contrat_date_fin_3 = String(dossier.date_fin_formation);
  }
}

const pad = (n: number) => String(n).padStart(2, "0");

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const minDate = (a: string, b: string) => (a < b ? a : b);
