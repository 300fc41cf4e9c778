/**
 * The actions of "Ajouter via fichier Excel", beside the page: they read the file with the dossier schema (zod),
 * which only this page's chunk loads (after `zod-sans-eval`). Same rules as `web/src/actions.ts`.
 */
import { action } from "@solidjs/router";
import { api } from "../../api";
import { done } from "../../actions";
import { donneesKeys } from "../../queries";
import { lireFichier } from "./lecture";
import type { PushResult, VerificationFichier } from "../../../../worker/domain/resultat-transmission";
import { MAX_LIGNES_FICHIER, type LectureFichier } from "../../../../worker/domain/fichier-effectifs";

/** Reads the chosen file in the browser (nothing is sent). */
export const lireFichierEffectifs = action(async (file: File) => {
  const lu = await lireFichier(file);
  if (lu.lignes.length === 0)
    throw new Error("Le fichier ne contient aucune ligne de données sous la ligne des noms de colonnes.");
  if (lu.lignes.length > MAX_LIGNES_FICHIER) {
    throw new Error(
      `Le fichier contient ${lu.lignes.length} lignes : ${MAX_LIGNES_FICHIER} lignes au maximum. Découpez-le en plusieurs fichiers.`,
    );
  }
  return done(lu);
}, "lire-fichier");

/** The dry run: the server validates every line, writes nothing. */
export const verifierFichier = action(
  async (organismeId: string, lecture: LectureFichier) =>
    done(
      await api<VerificationFichier>(`/api/organismes/${organismeId}/fichier/verification`, {
        body: { dossiers: lecture.lignes.map((l) => l.dossier) },
      }),
    ),
  "verifier-fichier",
);

export const importerFichier = action(
  async (organismeId: string, lecture: LectureFichier) =>
    done(
      await api<PushResult>(`/api/organismes/${organismeId}/fichier/import`, {
        body: { dossiers: lecture.lignes.map((l) => l.dossier) },
      }),
      donneesKeys(organismeId),
    ),
  "importer-fichier",
);
