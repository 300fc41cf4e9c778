/**
 * Learners of the demo written for the Missions Locales' worklist (SPEC §10), dated from the seed's day so that every
 * tab has content whatever the day: in the Puy-de-Dôme, at three CFA, learners aged 16 to 25 in rupture now (one a
 * minor, one whose dossier gives only a postal code), one with RQTH past 25, one back under contract lately, one
 * gone after more than 180 days of rupture, one too old for a Mission Locale; in Lyon, one in rupture. Each starts
 * from a generated dossier of its site (formation, identifiers, contact) with its own identity, home and contracts.
 * The generated learners of the same CFA add their own ruptures.
 */
import { generateSiret } from "../../db/demo/identifiants";
import { createPrng, seedFrom } from "../../db/demo/prng";
import { generateDossier, type DossierErp } from "./dossiers";
import type { TransmetteurDemo } from "./transmetteurs";

interface Cas {
  /** the transmetteur (by département and raison sociale) and its site */
  departement: string;
  organisme: string;
  site: number;
  idErp: string;
  nom: string;
  prenom: string;
  sexe: "F" | "M";
  /** age at the seed's day */
  age: number;
  rqth?: boolean;
  commune: { codePostal: string; codeInsee: string | null };
  /** days before the seed's day: the first contract's rupture, and the start of a second contract if any */
  ruptureIlYA: number;
  nouveauContratIlYA?: number;
}

const CLERMONT = { codePostal: "63000", codeInsee: "63113" };
const RIOM = { codePostal: "63200", codeInsee: "63300" };
const ISSOIRE = { codePostal: "63500", codeInsee: "63178" };

const GESTI = { departement: "63", organisme: "CFA BTP" };
const INDUSTRIE_63 = { departement: "63", organisme: "CFA DE L'INDUSTRIE" };
const HOTELLERIE_63 = { departement: "63", organisme: "CFA HÔTELLERIE RESTAURATION" };

const CAS: readonly Cas[] = [
  {
    ...GESTI,
    site: 0,
    idErp: "ML-0001",
    nom: "Bouchard",
    prenom: "Kylian",
    sexe: "M",
    age: 19,
    commune: CLERMONT,
    ruptureIlYA: 9,
  },
  {
    ...GESTI,
    site: 0,
    idErp: "ML-0002",
    nom: "Chassagne",
    prenom: "Océane",
    sexe: "F",
    age: 22,
    // The ERP gives no INSEE code: the postal code places her.
    commune: { codePostal: "63000", codeInsee: null },
    ruptureIlYA: 4,
  },
  {
    ...GESTI,
    site: 1,
    idErp: "ML-0003",
    nom: "Vialatte",
    prenom: "Enzo",
    sexe: "M",
    age: 17,
    commune: RIOM,
    ruptureIlYA: 33,
  },
  {
    ...INDUSTRIE_63,
    site: 0,
    idErp: "ML-0004",
    nom: "Fayolle",
    prenom: "Inès",
    sexe: "F",
    age: 24,
    commune: ISSOIRE,
    ruptureIlYA: 62,
  },
  {
    ...INDUSTRIE_63,
    site: 1,
    idErp: "ML-0005",
    nom: "Brugière",
    prenom: "Thomas",
    sexe: "M",
    age: 34,
    rqth: true,
    commune: CLERMONT,
    ruptureIlYA: 21,
  },
  {
    ...HOTELLERIE_63,
    site: 0,
    idErp: "ML-0006",
    nom: "Pradier",
    prenom: "Manon",
    sexe: "F",
    age: 20,
    commune: RIOM,
    ruptureIlYA: 118,
  },
  {
    ...HOTELLERIE_63,
    site: 0,
    idErp: "ML-0007",
    nom: "Tixier",
    prenom: "Yanis",
    sexe: "M",
    age: 21,
    commune: CLERMONT,
    ruptureIlYA: 70,
    nouveauContratIlYA: 12,
  },
  {
    ...INDUSTRIE_63,
    site: 0,
    idErp: "ML-0008",
    nom: "Couderc",
    prenom: "Lola",
    sexe: "F",
    age: 23,
    commune: ISSOIRE,
    // Rupturant for 180 days, ABANDON since.
    ruptureIlYA: 205,
  },
  {
    ...GESTI,
    site: 0,
    idErp: "ML-0009",
    nom: "Manry",
    prenom: "Romain",
    sexe: "M",
    age: 29,
    commune: CLERMONT,
    // Past 25 without RQTH: not a Mission Locale's learner.
    ruptureIlYA: 15,
  },
  {
    departement: "69",
    organisme: "CFA DE L'INDUSTRIE",
    site: 0,
    idErp: "ML-0010",
    nom: "Berthier",
    prenom: "Jade",
    sexe: "F",
    age: 18,
    commune: { codePostal: "69003", codeInsee: "69383" },
    ruptureIlYA: 14,
  },
];

/** The demo learners in rupture that `t` sends (at their sites). */
export function dossiersRupture(t: TransmetteurDemo, anneeScolaire: string, today: string): DossierErp[] {
  return CAS.filter(
    (cas) => cas.departement === t.organisme.departement && t.organisme.raisonSociale.startsWith(cas.organisme),
  ).map((cas, index) => {
    const { formateur } = t.sites[cas.site];
    const base = generateDossier(
      { count: 1, seed: 990_000 + t.seed, anneeScolaire, formateur, responsable: t.organisme, asOf: today },
      index,
    );
    for (const key of Object.keys(base))
      if (/^(contrat_|siret_employeur|cause_rupture|date_exclusion|cause_exclusion)/.test(key)) delete base[key];
    // In the second year of a two-year formation: entered about 14 months ago, ends in about 10 months.
    const entree = addDays(today, -430);
    const rupture = addDays(today, -cas.ruptureIlYA);
    const dossier: DossierErp = {
      ...base,
      id_erp_apprenant: cas.idErp,
      nom_apprenant: cas.nom.toUpperCase(),
      prenom_apprenant: cas.prenom,
      sexe_apprenant: cas.sexe,
      email_contact: `${ascii(cas.prenom)}.${ascii(cas.nom)}@exemple.fr`,
      date_de_naissance_apprenant: addDays(addYears(today, -cas.age), -47),
      rqth_apprenant: cas.rqth ?? false,
      code_postal_apprenant: cas.commune.codePostal,
      annee_formation: 2,
      duree_theorique_formation_mois: 24,
      date_inscription_formation: addDays(entree, -30),
      date_entree_formation: entree,
      date_fin_formation: addDays(today, 300),
      contrat_date_debut: addDays(entree, 7),
      contrat_date_fin: addDays(today, 300),
      contrat_date_rupture: rupture,
      cause_rupture_contrat: "Rupture conventionnelle",
      siret_employeur: generateSiret(createPrng(seedFrom(cas.idErp))),
    };
    delete dossier.code_commune_insee_apprenant;
    delete dossier.responsable_apprenant_mail1;
    if (cas.age < 18) dossier.responsable_apprenant_mail1 = `parent.${ascii(cas.nom)}@exemple.fr`;
    if (cas.commune.codeInsee) dossier.code_commune_insee_apprenant = cas.commune.codeInsee;
    if (cas.nouveauContratIlYA !== undefined) {
      dossier.contrat_date_debut_2 = addDays(today, -cas.nouveauContratIlYA);
      dossier.contrat_date_fin_2 = addDays(today, 300);
      dossier.siret_employeur_2 = generateSiret(createPrng(seedFrom(`${cas.idErp}:2`)));
    }
    return dossier;
  });
}

const ascii = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "");

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}
