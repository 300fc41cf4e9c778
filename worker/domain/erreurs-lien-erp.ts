/**
 * Why the link an ERP opens in the browser (`/connexion-api`) was refused. The Worker redirects to
 * `/parametres?erreur=<code>` and the page shows the code's message: only these sentences, never a text taken
 * from the address (a link could otherwise put any sentence in an official alert of our page).
 */
export const ERREURS_LIEN_ERP = {
  "cle-absente": "Le lien de votre ERP ne contient pas de clé d'échange (paramètre api_key).",
  "cle-invalide":
    "La clé d'échange transmise par votre ERP n'est pas valide : générez une nouvelle clé et collez-la dans votre ERP.",
  "autre-organisme": "Cette clé d'échange appartient à un autre organisme que le vôtre.",
} as const;

export type ErreurLienErp = keyof typeof ERREURS_LIEN_ERP;

/** The message of a known code; null for anything else. */
export const messageErreurLienErp = (code: string | undefined): string | null =>
  code !== undefined && Object.hasOwn(ERREURS_LIEN_ERP, code) ? ERREURS_LIEN_ERP[code as ErreurLienErp] : null;
