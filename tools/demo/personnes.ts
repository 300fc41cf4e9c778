/** Frequent French surnames and first names, for demo learners. */
export const NOMS = [
  "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent", "Simon",
  "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont",
  "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc", "Guérin",
  "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin",
  "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie",
  "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas",
  "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux",
  "Colin", "Vidal", "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier",
  "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte",
  "Lopez", "Jean", "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez", "Diallo", "Traoré", "Nguyen",
  "Benali", "Haddad", "Da Silva", "Le Gall", "Le Goff", "Kerguelen",
];

export const PRENOMS_M = [
  "Lucas", "Hugo", "Louis", "Nathan", "Enzo", "Mathis", "Théo", "Tom", "Léo", "Noah", "Gabriel", "Jules", "Raphaël",
  "Arthur", "Maxime", "Clément", "Antoine", "Thomas", "Baptiste", "Alexandre", "Quentin", "Kylian", "Yanis", "Rayan",
  "Adam", "Mohamed", "Ethan", "Axel", "Valentin", "Romain", "Dylan", "Kevin", "Paul", "Victor", "Samuel", "Florian",
];

export const PRENOMS_F = [
  "Emma", "Léa", "Chloé", "Manon", "Inès", "Camille", "Sarah", "Jade", "Louise", "Lina", "Zoé", "Lola", "Clara",
  "Anaïs", "Mathilde", "Juliette", "Océane", "Maëlys", "Eva", "Alice", "Lucie", "Pauline", "Marie", "Justine",
  "Amandine", "Yasmine", "Nora", "Elsa", "Romane", "Margaux", "Charlotte", "Laura", "Émilie", "Kenza", "Célia",
];
