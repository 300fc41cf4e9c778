/** The query of a nominative list, the same for an organisme's (`/api/organismes/:id/indicateurs/liste`) and a perimeter's. */
import { z } from "zod";
import { INDICATEURS } from "../data/indicateurs-liste";
import { dateQuery, pageQuery } from "../domain/query-schemas";

export const LISTE_PAGE_MAX = 200;
/** A file holds every row of the list; past this, the list is too large to download at once. */
export const LISTE_EXPORT_MAX = 50_000;

const INDICATEUR_MESSAGE = "Indicateur inconnu (attendu : apprenants, apprentis, rupturants, inscrits ou abandons).";
const EXPORT_MESSAGE = "Format d'export inconnu (attendu : csv ou xlsx).";

/** Checked in this order, the first wrong one answering: indicateur, date, export format, page, taille. */
export const listeQuery = z
  .object({
    indicateur: z.enum(INDICATEURS, { error: INDICATEUR_MESSAGE }),
    date: dateQuery,
    export: z.enum(["csv", "xlsx"], { error: EXPORT_MESSAGE }).optional(),
  })
  .extend(pageQuery(LISTE_PAGE_MAX).shape);
