/** Real régions, départements, académies and communes (codes as the référentiel exports them). */
export interface Commune {
  nom: string;
  codePostal: string;
}

export interface Departement {
  code: string;
  nom: string;
  region: string;
  academie: string;
  communes: readonly Commune[];
}

export const REGIONS: Readonly<Record<string, string>> = {
  "11": "Île-de-France",
  "32": "Hauts-de-France",
  "53": "Bretagne",
  "75": "Nouvelle-Aquitaine",
  "76": "Occitanie",
  "84": "Auvergne-Rhône-Alpes",
};

export const ACADEMIES: Readonly<Record<string, string>> = {
  "01": "Paris",
  "04": "Bordeaux",
  "06": "Clermont-Ferrand",
  "08": "Grenoble",
  "09": "Lille",
  "10": "Lyon",
  "11": "Montpellier",
  "13": "Poitiers",
  "14": "Rennes",
  "16": "Toulouse",
  "19": "Amiens",
  "22": "Limoges",
  "24": "Créteil",
  "25": "Versailles",
};

const c = (nom: string, codePostal: string): Commune => ({ nom, codePostal });

export const DEPARTEMENTS: readonly Departement[] = [
  { code: "69", nom: "Rhône", region: "84", academie: "10", communes: [c("Lyon", "69003"), c("Lyon", "69007"), c("Villeurbanne", "69100"), c("Vénissieux", "69200"), c("Villefranche-sur-Saône", "69400")] },
  { code: "42", nom: "Loire", region: "84", academie: "10", communes: [c("Saint-Étienne", "42000"), c("Roanne", "42300"), c("Montbrison", "42600")] },
  { code: "38", nom: "Isère", region: "84", academie: "08", communes: [c("Grenoble", "38000"), c("Échirolles", "38130"), c("Vienne", "38200"), c("Bourgoin-Jallieu", "38300")] },
  { code: "63", nom: "Puy-de-Dôme", region: "84", academie: "06", communes: [c("Clermont-Ferrand", "63000"), c("Riom", "63200"), c("Issoire", "63500")] },
  { code: "75", nom: "Paris", region: "11", academie: "01", communes: [c("Paris", "75011"), c("Paris", "75013"), c("Paris", "75015"), c("Paris", "75019")] },
  { code: "93", nom: "Seine-Saint-Denis", region: "11", academie: "24", communes: [c("Saint-Denis", "93200"), c("Bobigny", "93000"), c("Montreuil", "93100"), c("Aulnay-sous-Bois", "93600")] },
  { code: "92", nom: "Hauts-de-Seine", region: "11", academie: "25", communes: [c("Nanterre", "92000"), c("Boulogne-Billancourt", "92100"), c("Gennevilliers", "92230")] },
  { code: "91", nom: "Essonne", region: "11", academie: "25", communes: [c("Évry-Courcouronnes", "91000"), c("Massy", "91300"), c("Corbeil-Essonnes", "91100")] },
  { code: "33", nom: "Gironde", region: "75", academie: "04", communes: [c("Bordeaux", "33000"), c("Mérignac", "33700"), c("Libourne", "33500"), c("Pessac", "33600")] },
  { code: "87", nom: "Haute-Vienne", region: "75", academie: "22", communes: [c("Limoges", "87000"), c("Saint-Junien", "87200")] },
  { code: "86", nom: "Vienne", region: "75", academie: "13", communes: [c("Poitiers", "86000"), c("Châtellerault", "86100")] },
  { code: "31", nom: "Haute-Garonne", region: "76", academie: "16", communes: [c("Toulouse", "31000"), c("Toulouse", "31200"), c("Colomiers", "31770"), c("Blagnac", "31700")] },
  { code: "34", nom: "Hérault", region: "76", academie: "11", communes: [c("Montpellier", "34000"), c("Béziers", "34500"), c("Sète", "34200")] },
  { code: "59", nom: "Nord", region: "32", academie: "09", communes: [c("Lille", "59000"), c("Roubaix", "59100"), c("Dunkerque", "59140"), c("Valenciennes", "59300")] },
  { code: "80", nom: "Somme", region: "32", academie: "19", communes: [c("Amiens", "80000"), c("Abbeville", "80100")] },
  { code: "35", nom: "Ille-et-Vilaine", region: "53", academie: "14", communes: [c("Rennes", "35000"), c("Saint-Malo", "35400"), c("Fougères", "35300")] },
  { code: "29", nom: "Finistère", region: "53", academie: "14", communes: [c("Brest", "29200"), c("Quimper", "29000"), c("Morlaix", "29600")] },
];
