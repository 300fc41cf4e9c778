/**
 * The organismes of the demo référentiel that transmit, and how: which ERP or a file, since when, how many learners
 * at which of their sites. The Gesti OFA comes first (its key is published for the ERP simulator); the others give
 * the territorial pages something to show — a région, a département and an académie where some organismes transmit
 * and most do not, members of both réseaux, a responsable whose learners are all at its formateurs, a transmission
 * that stopped weeks ago. Every other organisme of the référentiel has never transmitted.
 */
import type { OrganismeDemo, ReferentielDemo } from "../../db/demo/referentiel";
import { DEMO_API_KEY, demoUsers, fiable, GESTI_KEY_ID, GESTI_USER_ID, type DemoSelection } from "./comptes";

export interface TransmetteurDemo {
  /** the organisme that sends: a responsable-formateur, or a responsable whose learners are at its formateurs */
  organisme: OrganismeDemo;
  /** where its learners are, and how many dossiers each site sends */
  sites: { formateur: OrganismeDemo; count: number }[];
  /** an id of the erps catalogue, or null (Excel file without ERP) */
  erp: string | null;
  mode: "api" | "manuel";
  /** who configured the transmission: a demo account, or only a name */
  configuredBy: { userId: string | null; name: string };
  /** configured that many days before the seed's first run, and first transmitted 10 minutes later */
  configuredDaysAgo: number;
  /** the latest transmission (the whole file again, unchanged), that many hours before the seed's first run */
  lastHoursAgo: number;
  /** the generator's seed of the first site; site i uses seed + i */
  seed: number;
  invalidRatio: number;
  /** the Gesti OFA's published key and its ids; the others' are derived from the organisme */
  gesti?: { apiKey: string; keyId: string; transmissionIds: [string, string] };
}

/** The moments of a transmetteur's history, counted back from the seed's first run. */
export function calendrierOf(t: TransmetteurDemo, now: Date) {
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
  const configured = t.configuredDaysAgo * 24 * 60;
  return {
    keyCreatedAt: ago(configured + 120),
    firstUseAt: ago(configured + 60),
    configuredAt: ago(configured),
    firstAt: ago(configured - 10),
    lastAt: ago(t.lastHoursAgo * 60),
  };
}

const GESTI_TRANSMISSION_IDS: [string, string] = [
  "3d9b7c15-6e2a-4f80-b4d1-8a0c5e7f9b02",
  "3d9b7c15-6e2a-4f80-b4d1-8a0c5e7f9b03",
];

interface Profil {
  departement: string;
  /** the start of the organisme's raison sociale */
  nom: string;
  erp: string | null;
  mode: "api" | "manuel";
  configuredBy: string;
  configuredDaysAgo: number;
  lastHoursAgo: number;
  /** dossiers per site: the organisme itself first when it is a responsable-formateur, then its formateurs */
  effectifs: number[];
}

/**
 * The other organismes that transmit: 10 in the demo région (2 more in the Puy-de-Dôme), 1 in Île-de-France. Not the
 * Chambre de Métiers du Rhône: the sign-up browser test takes the first responsable-formateur without an account,
 * which is that one, and expects it to have transmitted nothing.
 */
const PROFILS: readonly Profil[] = [
  {
    departement: "63",
    nom: "CFA DE L'INDUSTRIE",
    erp: "ymag",
    mode: "api",
    configuredBy: "Hélène Dumas",
    configuredDaysAgo: 60,
    lastHoursAgo: 26,
    effectifs: [90, 40],
  },
  {
    departement: "63",
    nom: "CFA HÔTELLERIE RESTAURATION",
    erp: null,
    mode: "manuel",
    configuredBy: "Marc Rivière",
    configuredDaysAgo: 40,
    lastHoursAgo: 9 * 24,
    effectifs: [70, 25, 20],
  },
  {
    departement: "69",
    nom: "CFA DE L'INDUSTRIE",
    erp: "scform",
    mode: "api",
    configuredBy: "Laure Vidal",
    configuredDaysAgo: 75,
    lastHoursAgo: 50,
    effectifs: [50, 40, 30],
  },
  {
    departement: "69",
    nom: "COMPAGNONS DU DEVOIR",
    erp: "aimaira",
    mode: "api",
    configuredBy: "Pierre Gaillard",
    configuredDaysAgo: 30,
    lastHoursAgo: 5,
    effectifs: [45, 35, 30, 20],
  },
  {
    departement: "69",
    nom: "CFA BTP",
    erp: "gesti",
    mode: "api",
    configuredBy: "Sandrine Colin",
    configuredDaysAgo: 90,
    lastHoursAgo: 20,
    effectifs: [60, 30],
  },
  {
    departement: "38",
    nom: "AFORP",
    erp: "hyperplanning",
    mode: "api",
    configuredBy: "Thomas Leroux",
    configuredDaysAgo: 14,
    lastHoursAgo: 30,
    effectifs: [45, 35],
  },
  {
    departement: "38",
    // Stopped transmitting about seven weeks ago.
    nom: "CFA HÔTELLERIE RESTAURATION",
    erp: "filiz",
    mode: "api",
    configuredBy: "Céline Marchand",
    configuredDaysAgo: 120,
    lastHoursAgo: 48 * 24,
    effectifs: [40, 30],
  },
  {
    departement: "38",
    nom: "ASSOCIATION FORMATION COMMERCE",
    erp: "charlemagne",
    mode: "api",
    configuredBy: "Yasmine Haddad",
    configuredDaysAgo: 45,
    lastHoursAgo: 3 * 24,
    effectifs: [50, 25],
  },
  {
    departement: "42",
    nom: "CFA DE L'INDUSTRIE",
    erp: "ymag",
    mode: "api",
    configuredBy: "Damien Roche",
    configuredDaysAgo: 35,
    lastHoursAgo: 4 * 24,
    effectifs: [40, 25],
  },
  {
    departement: "42",
    // An ERP without the key flow: its exports are uploaded as Excel files.
    nom: "CFA TRANSPORT LOGISTIQUE",
    erp: "fcamanager",
    mode: "manuel",
    configuredBy: "Bruno Perrin",
    configuredDaysAgo: 50,
    lastHoursAgo: 20 * 24,
    effectifs: [35],
  },
  {
    departement: "93",
    nom: "CFA BTP",
    erp: "ymag",
    mode: "api",
    configuredBy: "Nadia Benali",
    configuredDaysAgo: 100,
    lastHoursAgo: 7,
    effectifs: [80, 40],
  },
];

/** The Gesti OFA, then the profiles above found in the référentiel (an error if it no longer has them). */
export function selectTransmetteurs({ organismes, relations }: ReferentielDemo, selection: DemoSelection) {
  const byId = new Map(organismes.map((o) => [o.id, o]));
  // Sites that can carry dossiers: the formateurs (not the lieux de formation), fiable so that every dossier is valid.
  const sitesOf = (o: OrganismeDemo) => [
    ...(o.nature === "responsable_formateur" ? [o] : []),
    ...relations
      .filter((r) => r.responsableId === o.id)
      .map((r) => byId.get(r.formateurId)!)
      .filter((f) => f.nature === "formateur" && fiable(f)),
  ];
  const gestiUser = demoUsers(selection).find((u) => u.id === GESTI_USER_ID)!;
  const gesti: TransmetteurDemo = {
    organisme: selection.gesti,
    sites: [
      { formateur: selection.gesti, count: 220 },
      ...selection.gestiFormateurs
        .filter((f) => f.nature === "formateur")
        .slice(0, 2)
        .map((formateur, i) => ({ formateur, count: 60 - 15 * i })),
    ],
    erp: "gesti",
    mode: "api",
    configuredBy: { userId: GESTI_USER_ID, name: `${gestiUser.prenom} ${gestiUser.nom}` },
    configuredDaysAgo: 21,
    lastHoursAgo: 3,
    seed: 7100,
    invalidRatio: 0.04,
    gesti: { apiKey: DEMO_API_KEY, keyId: GESTI_KEY_ID, transmissionIds: GESTI_TRANSMISSION_IDS },
  };
  const autres = PROFILS.map((p, i): TransmetteurDemo => {
    const organisme = organismes.find(
      (o) => o.departement === p.departement && o.raisonSociale.startsWith(p.nom) && o.nature.startsWith("responsable"),
    );
    const sites = organisme ? sitesOf(organisme) : [];
    if (!organisme || !fiable(organisme) || sites.length < p.effectifs.length)
      throw new Error(`Le référentiel de démonstration n'a pas d'organisme fiable « ${p.nom} » (${p.departement}).`);
    return {
      organisme,
      sites: p.effectifs.map((count, s) => ({ formateur: sites[s], count })),
      erp: p.erp,
      mode: p.mode,
      configuredBy: { userId: null, name: p.configuredBy },
      configuredDaysAgo: p.configuredDaysAgo,
      lastHoursAgo: p.lastHoursAgo,
      seed: 7200 + 10 * i,
      invalidRatio: 0,
    };
  });
  return [gesti, ...autres];
}
