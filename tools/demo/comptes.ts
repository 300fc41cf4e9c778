/** The demo organisations and accounts (password `demo-apprentissage`) and the organismes they stand for. */
import { luhnValid } from "../../db/demo/identifiants";
import { MISSIONS_LOCALES, ML_CLERMONT_ID } from "../../db/demo/missions-locales";
import type { OrganismeDemo, ReferentielDemo } from "../../db/demo/referentiel";
import { labelOperateurPublic, REGIONS } from "../../worker/domain/territoires";

export const DEMO_PASSWORD = "demo-apprentissage";
/** The clé d'échange of the Gesti demo OFA, to paste into the ERP simulator. */
export const DEMO_API_KEY = "8c1f2a3e-5b7d-4e9a-b0c6-2d4f6a8b1c3e";
export const DEMO_REGION = "84";
/** Puy-de-Dôme, in the demo région, and its académie (Clermont-Ferrand), where the Gesti OFA is. */
export const DEMO_DEPARTEMENT = "63";
export const DEMO_ACADEMIE = "06";
export const DEMO_RESEAU = "CCCA-BTP";
/** A réseau listed in reseaux_responsables: its users see their members' nominative lists (SPEC §8). */
export const DEMO_RESEAU_RESPONSABLE = "UIMM";

export interface DemoOrganisation {
  id: string;
  type:
    "ORGANISME_FORMATION" | "RESEAU" | "DREETS" | "DDETS" | "ACADEMIE" | "MISSION_LOCALE" | "ARML" | "ADMINISTRATEUR";
  label: string;
  organismeId: string | null;
  reseau: string | null;
  codeRegion: string | null;
  codeDepartement: string | null;
  codeAcademie: string | null;
  missionLocaleId: string | null;
}

export interface DemoUser {
  id: string;
  email: string;
  civilite: string;
  prenom: string;
  nom: string;
  fonction: string;
  organisationId: string;
  isAdmin: boolean;
  /** what the README and the seed's output say about the account */
  description: string;
}

export interface DemoSelection {
  ofa: OrganismeDemo;
  ofaFormateurs: OrganismeDemo[];
  gesti: OrganismeDemo;
  gestiFormateurs: OrganismeDemo[];
  reseauMembres: OrganismeDemo[];
  reseauResponsableMembres: OrganismeDemo[];
}

/** In the référentiel, open, and a SIRET that passes Luhn: nothing for its dashboard to warn about. */
export const fiable = (o: OrganismeDemo) => o.referentiel && !o.ferme && luhnValid(o.siret);

/**
 * Two responsables-formateurs of the demo région, fiables, with at least two formateurs that are fiables too
 * (their dashboards then show a clean "Organisme fiable"); the Gesti one is a CFA BTP so that the réseau account
 * sees its learners.
 */
export function selectDemoOrganismes({ organismes, relations }: ReferentielDemo): DemoSelection {
  const byId = new Map(organismes.map((o) => [o.id, o]));
  const formateursOf = (o: OrganismeDemo) =>
    relations.filter((r) => r.responsableId === o.id).map((r) => byId.get(r.formateurId)!);
  const candidates = organismes.filter(
    (o) =>
      o.region === DEMO_REGION &&
      o.nature === "responsable_formateur" &&
      fiable(o) &&
      formateursOf(o).length >= 2 &&
      formateursOf(o).every(fiable),
  );
  const gesti = candidates.find((o) => o.raisonSociale.startsWith("CFA BTP")) ?? candidates[1];
  const ofa = candidates.find((o) => o !== gesti);
  if (!gesti || !ofa)
    throw new Error("Le référentiel de démonstration n'a pas deux OFA fiables avec formateurs dans la région 84.");
  return {
    ofa,
    ofaFormateurs: formateursOf(ofa),
    gesti,
    gestiFormateurs: formateursOf(gesti),
    reseauMembres: organismes.filter(
      (o) => o.raisonSociale.startsWith("CFA BTP") && o.nature.startsWith("responsable"),
    ),
    // Every establishment of the UIMM's CFA (responsables and their own sites), as such a network declares them.
    reseauResponsableMembres: organismes.filter((o) => /^(CFA DE L'INDUSTRIE|AFORP) /.test(o.raisonSociale)),
  };
}

const ORG = {
  ofa: "0b6f4a52-9d3e-4c1a-8f27-5e1d9c3b7a01",
  gesti: "0b6f4a52-9d3e-4c1a-8f27-5e1d9c3b7a02",
  reseau: "0b6f4a52-9d3e-4c1a-8f27-5e1d9c3b7a03",
  dreets: "0b6f4a52-9d3e-4c1a-8f27-5e1d9c3b7a04",
  admin: "0b6f4a52-9d3e-4c1a-8f27-5e1d9c3b7a05",
  ddets: "0b6f4a52-9d3e-4c1a-8f27-5e1d9c3b7a06",
  academie: "0b6f4a52-9d3e-4c1a-8f27-5e1d9c3b7a07",
  reseauResponsable: "0b6f4a52-9d3e-4c1a-8f27-5e1d9c3b7a08",
  missionLocale: "0b6f4a52-9d3e-4c1a-8f27-5e1d9c3b7a09",
  arml: "0b6f4a52-9d3e-4c1a-8f27-5e1d9c3b7a10",
};

/** The Mission Locale of mission-locale@example.fr, and the ARML's région (the demo région). */
export const DEMO_MISSION_LOCALE = MISSIONS_LOCALES.find((ml) => ml.id === ML_CLERMONT_ID)!;
export const DEMO_ARML_REGION = DEMO_REGION;
export const MISSION_LOCALE_USER_ID = "5a2c8e71-3f4b-4d6a-9e0c-7b1d2f3a4c09";

export function demoOrganisations(selection: DemoSelection): DemoOrganisation[] {
  const base = {
    organismeId: null,
    reseau: null,
    codeRegion: null,
    codeDepartement: null,
    codeAcademie: null,
    missionLocaleId: null,
  };
  // Labels and codes as the sign-up gives them, so that a colleague signing up joins the same organisation.
  return [
    {
      ...base,
      id: ORG.ofa,
      type: "ORGANISME_FORMATION",
      label: selection.ofa.enseigne || selection.ofa.raisonSociale,
      organismeId: selection.ofa.id,
    },
    {
      ...base,
      id: ORG.gesti,
      type: "ORGANISME_FORMATION",
      label: selection.gesti.enseigne || selection.gesti.raisonSociale,
      organismeId: selection.gesti.id,
    },
    { ...base, id: ORG.reseau, type: "RESEAU", label: `Réseau ${DEMO_RESEAU}`, reseau: DEMO_RESEAU },
    {
      ...base,
      id: ORG.dreets,
      type: "DREETS",
      label: labelOperateurPublic("DREETS", DEMO_REGION),
      codeRegion: DEMO_REGION,
    },
    {
      ...base,
      id: ORG.ddets,
      type: "DDETS",
      label: labelOperateurPublic("DDETS", DEMO_DEPARTEMENT),
      codeDepartement: DEMO_DEPARTEMENT,
    },
    {
      ...base,
      id: ORG.academie,
      type: "ACADEMIE",
      label: labelOperateurPublic("ACADEMIE", DEMO_ACADEMIE),
      codeAcademie: DEMO_ACADEMIE,
    },
    {
      ...base,
      id: ORG.reseauResponsable,
      type: "RESEAU",
      label: `Réseau ${DEMO_RESEAU_RESPONSABLE}`,
      reseau: DEMO_RESEAU_RESPONSABLE,
    },
    {
      ...base,
      id: ORG.missionLocale,
      type: "MISSION_LOCALE",
      label: DEMO_MISSION_LOCALE.nom,
      missionLocaleId: DEMO_MISSION_LOCALE.id,
    },
    {
      ...base,
      id: ORG.arml,
      type: "ARML",
      label: `ARML ${REGIONS[DEMO_ARML_REGION]}`,
      codeRegion: DEMO_ARML_REGION,
    },
    { ...base, id: ORG.admin, type: "ADMINISTRATEUR", label: "Administration du Tableau de bord" },
  ];
}

export const GESTI_USER_ID = "5a2c8e71-3f4b-4d6a-9e0c-7b1d2f3a4c02";
export const GESTI_KEY_ID = "3d9b7c15-6e2a-4f80-b4d1-8a0c5e7f9b01";

export function demoUsers(selection: DemoSelection): DemoUser[] {
  return [
    {
      id: "5a2c8e71-3f4b-4d6a-9e0c-7b1d2f3a4c01",
      email: "ofa@example.fr",
      civilite: "Madame",
      prenom: "Claire",
      nom: "Martin",
      fonction: "Responsable administrative",
      organisationId: ORG.ofa,
      isAdmin: false,
      description: `OFA ${selection.ofa.raisonSociale} (UAI ${selection.ofa.uai}), fiable, ${selection.ofaFormateurs.length} formateurs, aucun ERP choisi, rien de transmis`,
    },
    {
      id: GESTI_USER_ID,
      email: "ofa-gesti@example.fr",
      civilite: "Monsieur",
      prenom: "Julien",
      nom: "Moreau",
      fonction: "Directeur",
      organisationId: ORG.gesti,
      isAdmin: false,
      description: `OFA ${selection.gesti.raisonSociale} (UAI ${selection.gesti.uai}), transmet avec Gesti, quelques centaines d'apprenants`,
    },
    {
      id: "5a2c8e71-3f4b-4d6a-9e0c-7b1d2f3a4c03",
      email: "reseau@example.fr",
      civilite: "Madame",
      prenom: "Sophie",
      nom: "Lefebvre",
      fonction: "Chargée de mission",
      organisationId: ORG.reseau,
      isAdmin: false,
      description: `tête de réseau ${DEMO_RESEAU} (${selection.reseauMembres.length} OFA membres)`,
    },
    {
      id: "5a2c8e71-3f4b-4d6a-9e0c-7b1d2f3a4c04",
      email: "dreets@example.fr",
      civilite: "Monsieur",
      prenom: "Karim",
      nom: "Benali",
      fonction: "Chargé de mission apprentissage",
      organisationId: ORG.dreets,
      isAdmin: false,
      description: labelOperateurPublic("DREETS", DEMO_REGION),
    },
    {
      id: "5a2c8e71-3f4b-4d6a-9e0c-7b1d2f3a4c06",
      email: "ddets@example.fr",
      civilite: "Madame",
      prenom: "Isabelle",
      nom: "Chevalier",
      fonction: "Chargée de mission emploi et formation",
      organisationId: ORG.ddets,
      isAdmin: false,
      description: `${labelOperateurPublic("DDETS", DEMO_DEPARTEMENT)}, dans la région ${DEMO_REGION}`,
    },
    {
      id: "5a2c8e71-3f4b-4d6a-9e0c-7b1d2f3a4c07",
      email: "academie@example.fr",
      civilite: "Monsieur",
      prenom: "Olivier",
      nom: "Fabre",
      fonction: "Délégué académique à la formation professionnelle",
      organisationId: ORG.academie,
      isAdmin: false,
      description: `${labelOperateurPublic("ACADEMIE", DEMO_ACADEMIE)} (code ${DEMO_ACADEMIE})`,
    },
    {
      id: "5a2c8e71-3f4b-4d6a-9e0c-7b1d2f3a4c08",
      email: "reseau-responsable@example.fr",
      civilite: "Madame",
      prenom: "Agnès",
      nom: "Roussel",
      fonction: "Responsable apprentissage du réseau",
      organisationId: ORG.reseauResponsable,
      isAdmin: false,
      description: `réseau responsable ${DEMO_RESEAU_RESPONSABLE} (${selection.reseauResponsableMembres.length} organismes membres, dont ${selection.reseauResponsableMembres.filter((o) => o.departement === DEMO_DEPARTEMENT).length} dans le Puy-de-Dôme) : voit les listes nominatives de ses membres`,
    },
    {
      id: MISSION_LOCALE_USER_ID,
      email: "mission-locale@example.fr",
      civilite: "Madame",
      prenom: "Élodie",
      nom: "Vasseur",
      fonction: "Conseillère en insertion professionnelle",
      organisationId: ORG.missionLocale,
      isAdmin: false,
      description: `${DEMO_MISSION_LOCALE.nom} (les communes du Puy-de-Dôme de la démonstration) : « Jeunes en rupture »`,
    },
    {
      id: "5a2c8e71-3f4b-4d6a-9e0c-7b1d2f3a4c10",
      email: "arml@example.fr",
      civilite: "Monsieur",
      prenom: "Franck",
      nom: "Delorme",
      fonction: "Chargé de mission de l'association régionale",
      organisationId: ORG.arml,
      isAdmin: false,
      description: `ARML ${REGIONS[DEMO_ARML_REGION]} : l'activité des ${MISSIONS_LOCALES.filter((ml) => ml.codeRegion === DEMO_ARML_REGION).length} Missions Locales de la région, sans données nominatives`,
    },
    {
      id: "5a2c8e71-3f4b-4d6a-9e0c-7b1d2f3a4c05",
      email: "admin@example.fr",
      civilite: "Madame",
      prenom: "Nathalie",
      nom: "Girard",
      fonction: "Administratrice",
      organisationId: ORG.admin,
      isAdmin: true,
      description: "administratrice du service",
    },
  ];
}
