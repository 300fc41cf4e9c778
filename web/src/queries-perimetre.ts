/**
 * The reads of the Organismes page of a perimeter (`/api/perimetre/organismes`: réseaux, opérateurs publics,
 * administrators), as `@solidjs/router` queries like those of src/queries.ts; the perimeter's live socket
 * revalidates them (usePerimetreLive). The download is a plain function, never cached.
 */
import { query } from "@solidjs/router";
import { api } from "./api";
import { searchString } from "./queries";
import type { DownloadFormat } from "./download";
import type { OrganismesPerimetreExport, OrganismesPerimetrePage } from "../../worker/domain/perimetre-organismes";

/** The table's query string: filters, search, sort and page (`page`, `taille`), blank values left out. */
export type RequeteOrganismes = Record<string, string | number | undefined>;

const URL = "/api/perimetre/organismes";

export const getOrganismesDuPerimetre = query(
  (requete: RequeteOrganismes) => api<OrganismesPerimetrePage>(`${URL}?${searchString(requete)}`),
  "perimetre-organismes.page",
);

/** Every organisme retained by the filters, in the table's order (paging ignored). */
export const exportOrganismesDuPerimetre = (requete: RequeteOrganismes, format: DownloadFormat) =>
  api<OrganismesPerimetreExport>(
    `${URL}?${searchString({ ...requete, page: undefined, taille: undefined, export: format })}`,
  );
