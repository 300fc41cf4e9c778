/**
 * The reads of a perimeter's Mes indicateurs (`/api/indicateurs…`: réseaux, opérateurs publics, administrators), as
 * `@solidjs/router` queries like those of src/queries.ts. Each takes the territory filters first: the perimeter is
 * the user's, narrowed by them. The perimeter's live socket revalidates them all (usePerimetreLive).
 */
import { query } from "@solidjs/router";
import { api } from "./api";
import { searchString } from "./queries";
import type {
  DepartementsPerimetre,
  EvolutionPerimetre,
  FormationsPerimetre,
  IndicateursTerritoire,
  ListePerimetre,
  ListePerimetrePage,
  OrganismesPerimetre,
} from "../../worker/domain/indicateurs-territoire";
import type { Indicateur } from "../../worker/domain/indicators";

/** The territory asked within the perimeter (none: all of it). */
export interface FiltresPerimetre {
  region?: string;
  departement?: string;
}

const url = (path: string, filtres: FiltresPerimetre, params: Record<string, string | number>) =>
  `/api/indicateurs${path}?${searchString({ ...filtres, ...params })}`;

export const getIndicateursPerimetre = query(
  (filtres: FiltresPerimetre, date: string) => api<IndicateursTerritoire>(url("", filtres, { date })),
  "perimetre.indicateurs",
);

export const getDepartementsPerimetre = query(
  (filtres: FiltresPerimetre, date: string) => api<DepartementsPerimetre>(url("/departements", filtres, { date })),
  "perimetre.departements",
);

export const getOrganismesPerimetre = query(
  (filtres: FiltresPerimetre, date: string, taille: number, page: number) =>
    api<OrganismesPerimetre>(url("/organismes", filtres, { date, taille, page })),
  "perimetre.organismes",
);

export const getFormationsPerimetre = query(
  (filtres: FiltresPerimetre, date: string, taille: number, page: number) =>
    api<FormationsPerimetre>(url("/formations", filtres, { date, taille, page })),
  "perimetre.formations",
);

export const getEvolutionPerimetre = query(
  (filtres: FiltresPerimetre, annee: string) => api<EvolutionPerimetre>(url("/evolution", filtres, { annee })),
  "perimetre.evolution",
);

export const getListePerimetre = query(
  (filtres: FiltresPerimetre, indicateur: Indicateur, date: string, taille: number, page: number) =>
    api<ListePerimetrePage>(url("/liste", filtres, { indicateur, date, taille, page })),
  "perimetre.liste",
);

/** A list's file: read once, when asked, never cached (the server logs it). */
export const exportListePerimetre = (filtres: FiltresPerimetre, indicateur: Indicateur, date: string, format: string) =>
  api<ListePerimetre>(url("/liste", filtres, { indicateur, date, export: format }));
