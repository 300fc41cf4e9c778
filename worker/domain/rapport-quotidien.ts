/**
 * The OFA's daily transmission report and the 7-day reminder (SPEC §11): which dossiers' errors, counted per
 * error, and the e-mails' texts (no learner named). Pure.
 */
import { libelleChamp } from "./libelles-champs";

/** An organisme's push silence after which it is reminded, once per silence. */
export const JOURS_SANS_TRANSMISSION_RELANCE = 7;

/** "Date invalide (Date de naissance)" → how many invalid dossiers had it; most frequent first. */
export function erreursParType(erreursDesDossiers: { message: string; path: string }[][]): [string, number][] {
  const counts = new Map<string, number>();
  for (const erreurs of erreursDesDossiers) {
    // A dossier counts once per kind of error, however many times it has it.
    const kinds = new Set(erreurs.map((e) => (e.path ? `${e.message} (${libelleChamp(e.path)})` : e.message)));
    for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

const SIGNATURE = "\n\nL'équipe du Tableau de bord de l'apprentissage";

export function rapportQuotidienMail(
  organisme: string,
  jour: string,
  invalides: number,
  erreurs: [string, number][],
  origin: string,
) {
  const lignes = erreurs.map(([erreur, n]) => `- ${erreur} : ${n} dossier${n > 1 ? "s" : ""}`).join("\n");
  const [y, m, d] = jour.split("-");
  return {
    subject: `${invalides} dossier${invalides > 1 ? "s" : ""} en erreur dans vos transmissions du ${d}/${m}/${y}`,
    body:
      `Bonjour,\n\nLes transmissions de ${organisme} du ${d}/${m}/${y} comptent ${invalides} dossier${invalides > 1 ? "s" : ""} ` +
      `invalide${invalides > 1 ? "s" : ""}, non pris en compte dans le tableau de bord :\n\n${lignes}\n\n` +
      `Consultez la liste des dossiers en erreur et corrigez-les dans votre ERP : ${origin}/effectifs${SIGNATURE}`,
  };
}

export function relanceMail(organisme: string, derniere: string, origin: string) {
  const [y, m, d] = derniere.slice(0, 10).split("-");
  return {
    subject: `Aucune transmission de vos effectifs depuis ${JOURS_SANS_TRANSMISSION_RELANCE} jours`,
    body:
      `Bonjour,\n\nLe tableau de bord n'a reçu aucune transmission de ${organisme} depuis le ${d}/${m}/${y}. ` +
      `Vérifiez que votre ERP transmet toujours vos effectifs (sa clé d'échange, son paramétrage), ou transmettez-les ` +
      `par fichier Excel : ${origin}/parametres${SIGNATURE}`,
  };
}
