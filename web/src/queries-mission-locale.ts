/**
 * The reads and changes of the Missions Locales' side (SPEC §10) and of the CFA's side of a follow-up, as
 * `@solidjs/router` queries (read with `createAsync`) and actions (run with `useForm`/`useSubmission`). A Mission
 * Locale's live socket (`useMissionLocaleLive`) revalidates its queries on each message, so a learner appears on or
 * leaves an open worklist by itself. Downloads are plain functions, never cached.
 */
import { action, query } from "@solidjs/router";
import { api } from "./api";
import { done } from "./actions";
import { useLiveQueries, type LiveConnection } from "./live";
import { searchString } from "./queries";
import type { DownloadFormat } from "./download";
import { parsePerimetreMessage } from "../../worker/domain/live-messages";
import type {
  ArmlActivite,
  ChangementSuivi,
  JeuneEnRuptureDetail,
  JeunesEnRuptureExport,
  JeunesEnRupturePage,
  MissionLocaleResume,
  MissionLocaleTableau,
  MissionsLocalesRecherche,
  Signalement,
  SuiviCoteCfa,
} from "../../worker/domain/missions-locales";

const URL = "/api/mission-locale";

/** The worklist's query string: tab, filters, search and page (`page`, `taille`), blank values left out. */
export type RequeteJeunes = Record<string, string | number | undefined>;

export const getJeunesEnRupture = query(
  (requete: RequeteJeunes) => api<JeunesEnRupturePage>(`${URL}/jeunes?${searchString(requete)}`),
  "mission-locale.jeunes",
);

/** A learner's contact details and history (each reading is logged by the server). */
export const getJeuneEnRupture = query(
  (effectifId: string) => api<JeuneEnRuptureDetail>(`${URL}/jeunes/${encodeURIComponent(effectifId)}`),
  "mission-locale.jeune",
);

export const getMissionLocaleTableau = query(() => api<MissionLocaleTableau>(`${URL}/resume`), "mission-locale.resume");

export const getArmlActivite = query(() => api<ArmlActivite>("/api/arml/missions-locales"), "arml.missions-locales");

/** Every learner retained by the filters, in the list's order (paging ignored; logged by the server). */
export const exportJeunesEnRupture = (requete: RequeteJeunes, format: DownloadFormat) =>
  api<JeunesEnRuptureExport>(
    `${URL}/jeunes?${searchString({ ...requete, page: undefined, taille: undefined, export: format })}`,
  );

/** The queries a Mission Locale's socket makes stale: its worklist, its counters and an open learner. */
export const missionLocaleKeys = () => [getJeunesEnRupture.key, getMissionLocaleTableau.key, getJeuneEnRupture.key];

/**
 * The Mission Locale's live socket (`/api/mission-locale/live`) for the lifetime of the calling component: a push
 * that touches its zone's ruptures, a follow-up change or a CFA's signalement revalidates what the page shows.
 */
export function useMissionLocaleLive(): LiveConnection {
  return useLiveQueries(`${URL}/live`, () => missionLocaleKeys(), parsePerimetreMessage);
}

/**
 * The ARML's live socket (`/api/arml/live`) for the lifetime of the calling component: each change of one of its
 * région's Missions Locales' worklists (a push, a follow-up state) revalidates its counters.
 */
export function useArmlLive(): LiveConnection {
  return useLiveQueries("/api/arml/live", () => [getArmlActivite.key], parsePerimetreMessage);
}

/** A change of a learner's follow-up state; the answer is the learner and its new history. */
export const changerSuivi = action(async (effectifId: string, changement: ChangementSuivi) => {
  const detail = await api<JeuneEnRuptureDetail>(`${URL}/jeunes/${encodeURIComponent(effectifId)}/suivi`, {
    body: changement,
  });
  return done(detail, [getJeuneEnRupture.keyFor(effectifId), getJeunesEnRupture.key, getMissionLocaleTableau.key]);
}, "mission-locale.changer-suivi");

/** The sign-up's search of one's Mission Locale (a read, submitted as a form like the organisme's). */
export const rechercherMissionsLocales = action(
  async (q: string) =>
    done<MissionLocaleResume[]>(
      (await api<MissionsLocalesRecherche>(`/api/referentiel/missions-locales?q=${encodeURIComponent(q)}`))
        .missionsLocales,
    ),
  "rechercher-missions-locales",
);

// ── The CFA's side ────────────────────────────────────────────────────────────────────────────────────────────────

const suiviCfaPath = (organismeId: string, effectifId: string) =>
  `/api/organismes/${encodeURIComponent(organismeId)}/effectifs/${encodeURIComponent(effectifId)}/mission-locale`;

/** Which Mission Locale covers a learner of the organisme, its follow-up state and history. */
export const getSuiviCoteCfa = query(
  (organismeId: string, effectifId: string) => api<SuiviCoteCfa>(suiviCfaPath(organismeId, effectifId)),
  "organisme.suivi-mission-locale",
);

/** "Signaler à la Mission Locale" (accompagnement conjoint); the answer is the follow-up as the CFA sees it. */
export const signalerMissionLocale = action(
  async (organismeId: string, effectifId: string, signalement: Signalement) => {
    const suivi = await api<SuiviCoteCfa>(`${suiviCfaPath(organismeId, effectifId)}/signalement`, {
      body: signalement,
    });
    return done(suivi, [getSuiviCoteCfa.keyFor(organismeId, effectifId)]);
  },
  "organisme.signaler-mission-locale",
);
