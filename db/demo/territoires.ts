/** Real régions, départements, académies and communes (codes as the référentiel exports them). */
export interface Commune {
  nom: string;
  codePostal: string;
  codeInsee: string;
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

const c = (nom: string, codePostal: string, codeInsee: string): Commune => ({ nom, codePostal, codeInsee });

export const DEPARTEMENTS: readonly Departement[] = [
  {
    code: "69",
    nom: "Rhône",
    region: "84",
    academie: "10",
    communes: [
      c("Lyon", "69003", "69383"),
      c("Lyon", "69007", "69387"),
      c("Villeurbanne", "69100", "69266"),
      c("Vénissieux", "69200", "69259"),
      c("Villefranche-sur-Saône", "69400", "69264"),
    ],
  },
  {
    code: "42",
    nom: "Loire",
    region: "84",
    academie: "10",
    communes: [c("Saint-Étienne", "42000", "42218"), c("Roanne", "42300", "42187"), c("Montbrison", "42600", "42147")],
  },
  {
    code: "38",
    nom: "Isère",
    region: "84",
    academie: "08",
    communes: [
      c("Grenoble", "38000", "38185"),
      c("Échirolles", "38130", "38151"),
      c("Vienne", "38200", "38544"),
      c("Bourgoin-Jallieu", "38300", "38053"),
    ],
  },
  {
    code: "63",
    nom: "Puy-de-Dôme",
    region: "84",
    academie: "06",
    communes: [c("Clermont-Ferrand", "63000", "63113"), c("Riom", "63200", "63300"), c("Issoire", "63500", "63178")],
  },
  {
    code: "75",
    nom: "Paris",
    region: "11",
    academie: "01",
    communes: [
      c("Paris", "75011", "75111"),
      c("Paris", "75013", "75113"),
      c("Paris", "75015", "75115"),
      c("Paris", "75019", "75119"),
    ],
  },
  {
    code: "93",
    nom: "Seine-Saint-Denis",
    region: "11",
    academie: "24",
    communes: [
      c("Saint-Denis", "93200", "93066"),
      c("Bobigny", "93000", "93008"),
      c("Montreuil", "93100", "93048"),
      c("Aulnay-sous-Bois", "93600", "93005"),
    ],
  },
  {
    code: "92",
    nom: "Hauts-de-Seine",
    region: "11",
    academie: "25",
    communes: [
      c("Nanterre", "92000", "92050"),
      c("Boulogne-Billancourt", "92100", "92012"),
      c("Gennevilliers", "92230", "92036"),
    ],
  },
  {
    code: "91",
    nom: "Essonne",
    region: "11",
    academie: "25",
    communes: [
      c("Évry-Courcouronnes", "91000", "91228"),
      c("Massy", "91300", "91377"),
      c("Corbeil-Essonnes", "91100", "91174"),
    ],
  },
  {
    code: "33",
    nom: "Gironde",
    region: "75",
    academie: "04",
    communes: [
      c("Bordeaux", "33000", "33063"),
      c("Mérignac", "33700", "33281"),
      c("Libourne", "33500", "33243"),
      c("Pessac", "33600", "33318"),
    ],
  },
  {
    code: "87",
    nom: "Haute-Vienne",
    region: "75",
    academie: "22",
    communes: [c("Limoges", "87000", "87085"), c("Saint-Junien", "87200", "87154")],
  },
  {
    code: "86",
    nom: "Vienne",
    region: "75",
    academie: "13",
    communes: [c("Poitiers", "86000", "86194"), c("Châtellerault", "86100", "86066")],
  },
  {
    code: "31",
    nom: "Haute-Garonne",
    region: "76",
    academie: "16",
    communes: [
      c("Toulouse", "31000", "31555"),
      c("Toulouse", "31200", "31555"),
      c("Colomiers", "31770", "31149"),
      c("Blagnac", "31700", "31069"),
    ],
  },
  {
    code: "34",
    nom: "Hérault",
    region: "76",
    academie: "11",
    communes: [c("Montpellier", "34000", "34172"), c("Béziers", "34500", "34032"), c("Sète", "34200", "34301")],
  },
  {
    code: "59",
    nom: "Nord",
    region: "32",
    academie: "09",
    communes: [
      c("Lille", "59000", "59350"),
      c("Roubaix", "59100", "59512"),
      c("Dunkerque", "59140", "59183"),
      c("Valenciennes", "59300", "59606"),
    ],
  },
  {
    code: "80",
    nom: "Somme",
    region: "32",
    academie: "19",
    communes: [c("Amiens", "80000", "80021"), c("Abbeville", "80100", "80001")],
  },
  {
    code: "35",
    nom: "Ille-et-Vilaine",
    region: "53",
    academie: "14",
    communes: [c("Rennes", "35000", "35238"), c("Saint-Malo", "35400", "35288"), c("Fougères", "35300", "35115")],
  },
  {
    code: "29",
    nom: "Finistère",
    region: "53",
    academie: "14",
    communes: [c("Brest", "29200", "29019"), c("Quimper", "29000", "29232"), c("Morlaix", "29600", "29151")],
  },
];
