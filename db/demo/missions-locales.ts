/**
 * The demo's référentiel of Missions Locales (SPEC §10): those of the Puy-de-Dôme, of the Rhône and one outside the
 * demo région, with the communes of their zone (real INSEE and postal codes). The Mission Locale of
 * Clermont-Ferrand covers every commune of the Puy-de-Dôme that the demo's learners live in (db/demo/territoires.ts)
 * and the rest of its agglomeration; the Rhône's are split as their real zones are. Zones do not overlap.
 */
import { DEPARTEMENTS, type Commune } from "./territoires";

export interface MissionLocaleDemo {
  id: string;
  nom: string;
  commune: string;
  codePostal: string;
  codeDepartement: string;
  codeRegion: string;
  telephone: string;
  email: string;
  communes: readonly Commune[];
}

const c = (nom: string, codePostal: string, codeInsee: string): Commune => ({ nom, codePostal, codeInsee });

const communesOf = (departement: string) => DEPARTEMENTS.find((d) => d.code === departement)?.communes ?? [];

/** The demo account mission-locale@example.fr belongs to this one. */
export const ML_CLERMONT_ID = "6e1d4b7a-2c9f-4a58-9b13-0f7c8e2d5a01";

/** Lyon has one INSEE code per arrondissement, each with its postal code. */
const ARRONDISSEMENTS_LYON = Array.from({ length: 9 }, (_, i) => c("Lyon", `6900${i + 1}`, `6938${i + 1}`));

export const MISSIONS_LOCALES: readonly MissionLocaleDemo[] = [
  {
    id: ML_CLERMONT_ID,
    nom: "Mission Locale de Clermont-Ferrand",
    commune: "Clermont-Ferrand",
    codePostal: "63000",
    codeDepartement: "63",
    codeRegion: "84",
    telephone: "04 73 42 17 57",
    email: "contact@ml-clermont.example.fr",
    communes: [
      ...communesOf("63"),
      c("Aubière", "63170", "63014"),
      c("Beaumont", "63110", "63032"),
      c("Chamalières", "63400", "63075"),
      c("Cournon-d'Auvergne", "63800", "63124"),
      c("Gerzat", "63360", "63164"),
      c("Pont-du-Château", "63430", "63284"),
      c("Royat", "63130", "63308"),
    ],
  },
  {
    id: "6e1d4b7a-2c9f-4a58-9b13-0f7c8e2d5a02",
    nom: "Mission Locale de Thiers-Ambert",
    commune: "Thiers",
    codePostal: "63300",
    codeDepartement: "63",
    codeRegion: "84",
    telephone: "04 73 80 37 16",
    email: "contact@ml-thiers-ambert.example.fr",
    communes: [
      c("Thiers", "63300", "63430"),
      c("Ambert", "63600", "63003"),
      c("Courpière", "63120", "63125"),
      c("Puy-Guillaume", "63290", "63291"),
    ],
  },
  {
    id: "6e1d4b7a-2c9f-4a58-9b13-0f7c8e2d5a03",
    nom: "Mission Locale de Lyon",
    commune: "Lyon",
    codePostal: "69003",
    codeDepartement: "69",
    codeRegion: "84",
    telephone: "04 78 60 12 56",
    email: "contact@ml-lyon.example.fr",
    communes: ARRONDISSEMENTS_LYON,
  },
  {
    id: "6e1d4b7a-2c9f-4a58-9b13-0f7c8e2d5a04",
    nom: "Mission Locale de Villeurbanne",
    commune: "Villeurbanne",
    codePostal: "69100",
    codeDepartement: "69",
    codeRegion: "84",
    telephone: "04 78 03 81 80",
    email: "contact@ml-villeurbanne.example.fr",
    communes: [c("Villeurbanne", "69100", "69266")],
  },
  {
    id: "6e1d4b7a-2c9f-4a58-9b13-0f7c8e2d5a05",
    nom: "Mission Locale Plateau Nord Val de Saône et Sud-Est lyonnais",
    commune: "Vénissieux",
    codePostal: "69200",
    codeDepartement: "69",
    codeRegion: "84",
    telephone: "04 72 90 15 30",
    email: "contact@ml-venissieux.example.fr",
    communes: [c("Vénissieux", "69200", "69259"), c("Saint-Fons", "69190", "69199")],
  },
  {
    id: "6e1d4b7a-2c9f-4a58-9b13-0f7c8e2d5a06",
    nom: "Mission Locale Beaujolais-Val de Saône",
    commune: "Villefranche-sur-Saône",
    codePostal: "69400",
    codeDepartement: "69",
    codeRegion: "84",
    telephone: "04 74 62 19 50",
    email: "contact@ml-beaujolais.example.fr",
    communes: [c("Villefranche-sur-Saône", "69400", "69264"), c("Gleizé", "69400", "69092")],
  },
  {
    // Outside the demo région: the ARML of Auvergne-Rhône-Alpes does not see it.
    id: "6e1d4b7a-2c9f-4a58-9b13-0f7c8e2d5a07",
    nom: "Mission Locale des Jeunes de Bordeaux",
    commune: "Bordeaux",
    codePostal: "33000",
    codeDepartement: "33",
    codeRegion: "75",
    telephone: "05 56 33 70 00",
    email: "contact@ml-bordeaux.example.fr",
    communes: communesOf("33").filter((commune) => commune.codeInsee === "33063"),
  },
];
