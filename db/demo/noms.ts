/** Word lists for realistic demo names (organismes, streets, people). */
export const RUES = [
  "rue de la République",
  "avenue Jean Jaurès",
  "rue Victor Hugo",
  "boulevard Gambetta",
  "rue Pasteur",
  "avenue de la Libération",
  "rue des Écoles",
  "chemin des Vignes",
  "rue du Général de Gaulle",
  "allée des Tilleuls",
  "rue Jules Ferry",
  "avenue du Maréchal Foch",
  "rue de l'Industrie",
  "rue Louis Blériot",
  "boulevard de l'Europe",
];

export const PERSONNALITES = [
  "Jean Moulin",
  "Marie Curie",
  "Louise Michel",
  "Jules Verne",
  "Simone Veil",
  "Paul Langevin",
  "Gustave Eiffel",
  "Camille Claudel",
  "Antoine de Saint-Exupéry",
  "Olympe de Gouges",
  "Jean Monnet",
  "George Sand",
  "Léonard de Vinci",
  "Condorcet",
  "Albert Camus",
  "Lucie Aubrac",
  "Pierre Mendès France",
  "Irène Joliot-Curie",
];

/** CFA families: [raison sociale pattern, enseigne or null]; {d} = département name, {c} = commune. */
export const CFA_RESPONSABLES: readonly (readonly [string, string | null])[] = [
  ["CFA BTP {d}", "BTP CFA"],
  ["Chambre de Métiers et de l'Artisanat {d}", "CFA des Métiers"],
  ["CFA Interprofessionnel {d}", "CFAI"],
  ["AFORP {c}", null],
  ["CFA de l'Industrie {d}", "Pôle Formation UIMM"],
  ["CFA Agricole {d}", "CFPPA"],
  ["Association Formation Commerce {c}", "CFA du Commerce"],
  ["CFA Hôtellerie Restauration {c}", "École Hôtelière"],
  ["Institut des Métiers {c}", null],
  ["CFA Sanitaire et Social {d}", null],
  ["Compagnons du Devoir {c}", "Maison des Compagnons"],
  ["CCI {d} Formation", "CFA de la CCI"],
];

export const CFA_AUTONOMES = [
  "MFR de {c}",
  "CFA Coiffure Esthétique {c}",
  "École de la Boulangerie {c}",
  "CFA Transport Logistique {c}",
  "Institut de Formation Automobile {c}",
  "CFA du Numérique {c}",
  "École de Commerce en Alternance {c}",
];

export const FORMATEURS = [
  "Lycée professionnel {p}",
  "Lycée polyvalent {p}",
  "UFA Lycée {p}",
  "Site de formation de {c}",
  "Campus des métiers de {c}",
  "Lycée agricole de {c}",
  "Lycée des métiers {p}",
];
