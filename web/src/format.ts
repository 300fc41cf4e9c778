/** Display helpers shared by pages (French formats). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  return new Date(iso).toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" });
}

export function civiliteCourte(civilite: string | null): string {
  if (!civilite) return "";
  const c = civilite.toLowerCase();
  if (c.startsWith("mada") || c === "mme") return "Mme";
  if (c.startsWith("mons") || c === "m" || c === "m.") return "M.";
  return civilite;
}

/** "Madame Léa Martin": a person as the lists show them (civilité, prénom, nom, whichever are given). */
export const nomComplet = (p: { civilite?: string | null; prenom?: string | null; nom?: string | null }) =>
  [p.civilite, p.prenom, p.nom].filter(Boolean).join(" ");

export const NATURE_LABELS: Record<string, string> = {
  responsable: "Responsable",
  formateur: "Formateur",
  responsable_formateur: "Responsable et formateur",
  lieu_formation: "Lieu de formation",
  inconnue: "Inconnue",
};
