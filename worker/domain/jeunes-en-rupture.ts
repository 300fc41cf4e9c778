/**
 * A Mission Locale's worklist from its candidates (pure): who is on it today and on which tab, the counters, the
 * filters, the order (signalled learners first, then the most recent ruptures) and the page.
 */
import type { ParcoursEntry } from "./parcours";
import {
  accompagnable,
  ageAt,
  ETATS_SUIVI,
  ONGLETS_RUPTURE,
  situationRupture,
  JOURS_ABANDON_VISIBLE,
  type CompteursEtats,
  type CompteursOnglets,
  type EtatSuivi,
  type JeuneEnRupture,
  type OngletRupture,
} from "./missions-locales";

/** A candidate as the data layer reads it (worker/data/jeunes-en-rupture.ts), without D1 types. */
export interface Candidat {
  effectifId: string;
  organismeId: string;
  nom: string;
  prenom: string;
  dateDeNaissance: string | null;
  libelleFormation: string | null;
  parcours: string;
  communeCode: string | null;
  communeNom: string | null;
  sexe: string | null;
  rqth: number | null;
  telephone: string | null;
  email: string | null;
  siretEmployeur: string | null;
  cfaNom: string;
  cfaCommune: string | null;
  cfaContact: string | null;
  etat: string | null;
  recontacterLe: string | null;
  signaleAt: string | null;
}

/** The earliest last-rupture a worklist can show at `today` (candidates older than that are not read). */
export function debutFenetre(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - JOURS_ABANDON_VISIBLE);
  return d.toISOString().slice(0, 10);
}

const isEtat = (etat: string | null): etat is EtatSuivi => ETATS_SUIVI.includes(etat as EtatSuivi);

/** The candidate as a row of the worklist at `today`, or null when a Mission Locale has nothing to do with it. */
export function jeuneOf(candidat: Candidat, today: string): JeuneEnRupture | null {
  if (!candidat.dateDeNaissance) return null;
  const situation = situationRupture(JSON.parse(candidat.parcours) as ParcoursEntry[], today);
  if (!situation) return null;
  const age = ageAt(candidat.dateDeNaissance, today);
  const rqth = candidat.rqth === 1;
  if (!accompagnable(age, rqth)) return null;
  return {
    effectifId: candidat.effectifId,
    nom: candidat.nom,
    prenom: candidat.prenom,
    sexe: candidat.sexe,
    age,
    mineur: age < 18,
    rqth,
    telephone: candidat.telephone,
    email: candidat.email,
    commune: { code: candidat.communeCode, nom: candidat.communeNom },
    formation: candidat.libelleFormation,
    cfa: {
      id: candidat.organismeId,
      nom: candidat.cfaNom,
      commune: candidat.cfaCommune,
      contact: candidat.cfaContact,
    },
    siretEmployeur: candidat.siretEmployeur,
    ...situation,
    etat: isEtat(candidat.etat) ? candidat.etat : "a_traiter",
    recontacterLe: candidat.recontacterLe,
    signaleAt: candidat.signaleAt,
  };
}

export interface FiltresJeunes {
  onglet: OngletRupture;
  etat?: EtatSuivi;
  commune?: string;
  cfa?: string;
  rqth?: boolean;
  mineur?: boolean;
  /** searched in nom, prénom, commune, CFA, formation (accents and case ignored) */
  q?: string;
}

const plain = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

export function filtrerJeunes(jeunes: readonly JeuneEnRupture[], filtres: FiltresJeunes): JeuneEnRupture[] {
  const q = filtres.q ? plain(filtres.q.trim()) : "";
  return jeunes.filter(
    (j) =>
      j.onglet === filtres.onglet &&
      (!filtres.etat || j.etat === filtres.etat) &&
      (!filtres.commune || j.commune.code === filtres.commune) &&
      (!filtres.cfa || j.cfa.id === filtres.cfa) &&
      (!filtres.rqth || j.rqth) &&
      (!filtres.mineur || j.mineur) &&
      (!q || plain([j.nom, j.prenom, j.commune.nom ?? "", j.cfa.nom, j.formation ?? ""].join(" ")).includes(q)),
  );
}

/** Signalled learners first (most recent signalement first), then the most recent ruptures, then by name. */
export function trierJeunes(jeunes: JeuneEnRupture[]): JeuneEnRupture[] {
  return jeunes.sort(
    (a, b) =>
      (b.signaleAt ?? "").localeCompare(a.signaleAt ?? "") ||
      b.dateRupture.localeCompare(a.dateRupture) ||
      a.nom.localeCompare(b.nom) ||
      a.prenom.localeCompare(b.prenom),
  );
}

export function compterOnglets(jeunes: readonly JeuneEnRupture[]): CompteursOnglets {
  const compteurs = Object.fromEntries(ONGLETS_RUPTURE.map((o) => [o, 0])) as CompteursOnglets;
  for (const j of jeunes) compteurs[j.onglet]++;
  return compteurs;
}

/** Per follow-up state, over the learners in rupture now (the tab a Mission Locale works). */
export function compterEtats(jeunes: readonly JeuneEnRupture[]): CompteursEtats {
  const compteurs = Object.fromEntries(ETATS_SUIVI.map((e) => [e, 0])) as CompteursEtats;
  for (const j of jeunes) if (j.onglet === "rupturants") compteurs[j.etat]++;
  return compteurs;
}
