/**
 * Every read of the API, as `@solidjs/router` queries: components read them with `createAsync(() => q(...args))`,
 * live messages and actions make them stale by key (`revalidate`). A query's cache key is its name followed by its
 * arguments as JSON, so the queries of one organisme — which all take its id first — share the prefix
 * `name["<id>"` that `organismeKeys` lists.
 */
import { query } from "@solidjs/router";
import { api } from "./api";
import type { ComptesEnAttenteResponse, SessionResponse } from "../../worker/domain/comptes";
import type { EffectifDetailResponse, EffectifsExport, EffectifsPage } from "../../worker/domain/effectifs-liste";
import type {
  Evolution,
  FormationsAt,
  IndicateursAt,
  Liste,
  ListePage,
} from "../../worker/domain/indicateurs-organisme";
import type { IndicateursTerritoire } from "../../worker/domain/indicateurs-territoire";
import type { Indicateur } from "../../worker/domain/indicators";
import type { DoublonsPage } from "../../worker/domain/doublons";
import type { FormateursResponse, OrganismeFicheResponse } from "../../worker/domain/organisme-fiche";
import type { ReseauxResponse, TerritoiresResponse } from "../../worker/domain/referentiel";
import type { EnqueteSifa, FichierSifa } from "../../worker/domain/sifa-fichier";
import type { AuditResponse, TransmissionView } from "../../worker/domain/transmission-view";
import type {
  TransmissionDetail,
  TransmissionsDuJour,
  TransmissionsParJour,
} from "../../worker/domain/transmissions-historique";

const organismePath = (id: string) => `/api/organismes/${id}`;

/** "a=1&b=x" from the parameters that have a value. */
export const searchString = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params)
      .filter(([, v]) => v !== undefined && v !== "")
      .map(([k, v]) => [k, String(v)]),
  ).toString();

// ── The session ──────────────────────────────────────────────────────────────────────────────────────────────────

/** The logged-in user, null when logged out. */
export const getSession = query(async () => (await api<SessionResponse>("/api/auth/session")).user, "session");

// ── One organisme's data: what a push, an import or held records change ───────────────────────────────────────────

export const getOrganisme = query(
  async (id: string) => (await api<OrganismeFicheResponse>(organismePath(id))).organisme,
  "organisme.fiche",
);

/** The five counters at `date`, or today's (with the school year) when no date is given. */
export const getIndicateurs = query(
  (id: string, date?: string) => api<IndicateursAt>(`${organismePath(id)}/indicateurs${date ? `?date=${date}` : ""}`),
  "organisme.indicateurs",
);

export const getFormations = query(
  (id: string, date: string) => api<FormationsAt>(`${organismePath(id)}/indicateurs/formations?date=${date}`),
  "organisme.formations",
);

export const getEvolution = query(
  (id: string, annee: string) => api<Evolution>(`${organismePath(id)}/indicateurs/evolution?annee=${annee}`),
  "organisme.evolution",
);

const listeUrl = (id: string, indicateur: Indicateur, date: string) =>
  `${organismePath(id)}/indicateurs/liste?indicateur=${indicateur}&date=${date}`;

export const getListe = query(
  (id: string, indicateur: Indicateur, date: string, taille: number, page: number) =>
    api<ListePage>(`${listeUrl(id, indicateur, date)}&taille=${taille}&page=${page}`),
  "organisme.liste",
);

export const getEffectifs = query(
  (id: string, params: Record<string, string | number | undefined>) =>
    api<EffectifsPage>(`${organismePath(id)}/effectifs?${searchString(params)}`),
  "organisme.effectifs",
);

export const getEffectif = query(
  async (id: string, effectifId: string) =>
    (await api<EffectifDetailResponse>(`${organismePath(id)}/effectifs/${effectifId}`)).effectif,
  "organisme.effectif",
);

/** The suspected duplicates à traiter (the Doublons page). */
export const getDoublons = query(
  (id: string, page: number, taille: number) =>
    api<DoublonsPage>(`${organismePath(id)}/doublons?page=${page}&taille=${taille}`),
  "organisme.doublons",
);

/** The organisme and its formateurs (the filter "Organisme formateur" of Mes effectifs). */
export const getFormateurs = query(
  async (id: string) => (await api<FormateursResponse>(`${organismePath(id)}/formateurs`)).organismes,
  "organisme.formateurs",
);

export const getTransmissionsParJour = query(
  (id: string, jours: number) => api<TransmissionsParJour>(`${organismePath(id)}/transmissions?jours=${jours}`),
  "organisme.transmissions-par-jour",
);

export const getTransmissionsDuJour = query(
  (id: string, date: string) => api<TransmissionsDuJour>(`${organismePath(id)}/transmissions?date=${date}`),
  "organisme.transmissions-du-jour",
);

export const getTransmission = query(
  (id: string, transmissionId: string) =>
    api<TransmissionDetail>(`${organismePath(id)}/transmissions/${transmissionId}`),
  "organisme.transmission",
);

export const getEnqueteSifa = query(
  (id: string, annee: string) => api<EnqueteSifa>(`${organismePath(id)}/sifa?annee=${annee}`),
  "organisme.sifa",
);

// ── One organisme's transmission settings: what the connection procedure changes ──────────────────────────────────

export const getTransmissionView = query(
  (id: string) => api<TransmissionView>(`${organismePath(id)}/transmission`),
  "organisme.parametrage",
);

export const getAudit = query(
  async (id: string) => (await api<AuditResponse>(`${organismePath(id)}/audit`)).entries,
  "organisme.audit",
);

// The card (its transmission state) and the settings (the held records) change with both kinds of message.
const DONNEES = [
  getTransmissionView,
  getOrganisme,
  getIndicateurs,
  getFormations,
  getEvolution,
  getListe,
  getEffectifs,
  getEffectif,
  getDoublons,
  getTransmissionsParJour,
  getTransmissionsDuJour,
  getTransmission,
  getEnqueteSifa,
];
const PARAMETRAGE = [getTransmissionView, getAudit, getOrganisme];

/** The key prefix of every call of `q` whose first argument is `id`. */
const keyOf = (q: { key: string }, id: string) => q.key + JSON.stringify([id]).slice(0, -1);

/** The keys of an organisme's effectifs and of everything computed from them. */
export const donneesKeys = (id: string) => DONNEES.map((q) => keyOf(q, id));
/** The keys of an organisme's transmission settings and their history. */
export const parametrageKeys = (id: string) => PARAMETRAGE.map((q) => keyOf(q, id));
/** Every query of an organisme. */
export const organismeKeys = (id: string) => [...new Set([...donneesKeys(id), ...parametrageKeys(id)])];

// ── Files to download: read once, when asked, never cached ───────────────────────────────────────────────────────

export const exportEffectifs = (id: string, params: Record<string, string | number | undefined>) =>
  api<EffectifsExport>(`${organismePath(id)}/effectifs/export?${searchString(params)}`);

export const exportListe = (id: string, indicateur: Indicateur, date: string, format: string) =>
  api<Liste>(`${listeUrl(id, indicateur, date)}&export=${format}`);

export const exportSifa = (id: string, annee: string, format: string) =>
  api<FichierSifa>(`${organismePath(id)}/sifa/fichier?annee=${annee}&format=${format}`);

// ── Everything else ───────────────────────────────────────────────────────────────────────────────────────────────

/** Réseau, opérateurs publics and administrators: the counters of their perimeter. */
export const getIndicateursTerritoire = query(
  () => api<IndicateursTerritoire>("/api/indicateurs"),
  "territoire.indicateurs",
);

export const getComptesEnAttente = query(
  async () => (await api<ComptesEnAttenteResponse>("/api/comptes")).comptes,
  "comptes.en-attente",
);

export const getReseaux = query(() => api<ReseauxResponse>("/api/referentiel/reseaux"), "referentiel.reseaux");

export const getTerritoires = query(
  () => api<TerritoiresResponse>("/api/referentiel/territoires"),
  "referentiel.territoires",
);
