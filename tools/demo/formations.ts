/** Common apprenticeship diplomas with their codes (CFD, RNCP) and theoretical length in months. */
export interface FormationDemo {
  libelle: string;
  cfd: string;
  rncp: string;
  mois: number;
}

export const FORMATIONS: readonly FormationDemo[] = [
  { libelle: "CAP Cuisine", cfd: "50022137", rncp: "RNCP37859", mois: 24 },
  { libelle: "CAP Pâtissier", cfd: "50022141", rncp: "RNCP37861", mois: 24 },
  { libelle: "CAP Boulanger", cfd: "50022140", rncp: "RNCP37860", mois: 24 },
  { libelle: "CAP Électricien", cfd: "50025520", rncp: "RNCP36024", mois: 24 },
  { libelle: "CAP Maçon", cfd: "50023322", rncp: "RNCP34875", mois: 24 },
  { libelle: "CAP Coiffure", cfd: "50033609", rncp: "RNCP37902", mois: 24 },
  { libelle: "CAP Équipier polyvalent du commerce", cfd: "50031215", rncp: "RNCP34948", mois: 24 },
  { libelle: "BP Coiffure", cfd: "45033605", rncp: "RNCP35009", mois: 24 },
  { libelle: "Bac pro Métiers du commerce et de la vente", cfd: "40031213", rncp: "RNCP32208", mois: 36 },
  { libelle: "Bac pro Maintenance des véhicules", cfd: "40025214", rncp: "RNCP37888", mois: 36 },
  { libelle: "BTS MCO", cfd: "32031213", rncp: "RNCP38362", mois: 24 },
  { libelle: "BTS NDRC", cfd: "32031212", rncp: "RNCP38368", mois: 24 },
  { libelle: "BTS Comptabilité et gestion", cfd: "32031415", rncp: "RNCP35521", mois: 24 },
  { libelle: "BTS SIO", cfd: "32032613", rncp: "RNCP35340", mois: 24 },
  { libelle: "TP Développeur web et web mobile", cfd: "36T32602", rncp: "RNCP37674", mois: 12 },
  { libelle: "TP Cuisinier", cfd: "46T22101", rncp: "RNCP34842", mois: 12 },
  { libelle: "Licence pro Commerce et distribution", cfd: "25031210", rncp: "RNCP30084", mois: 12 },
];
