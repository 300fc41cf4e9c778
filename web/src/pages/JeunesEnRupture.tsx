import { A, createAsync, useSearchParams } from "@solidjs/router";
import { createSignal, For, Show, Suspense } from "solid-js";
import {
  ETAT_SUIVI_LABELS,
  ETATS_SUIVI,
  ONGLET_LABELS,
  ONGLETS_RUPTURE,
  type OngletRupture,
} from "../../../worker/domain/missions-locales";
import { DownloadButtons } from "../components/DownloadButtons";
import { QueryBoundary } from "../components/Errors";
import { EtatDirect } from "../components/EtatDirect";
import { Pagination } from "../components/Pagination";
import { DetailJeune } from "../components/missions-locales/DetailJeune";
import { jeunes } from "../components/missions-locales/etats";
import { fichierJeunes } from "../components/missions-locales/fichierJeunes";
import { FILTRES_JEUNES, FiltresJeunes, type FiltreJeunes } from "../components/missions-locales/FiltresJeunes";
import { TableJeunes } from "../components/missions-locales/TableJeunes";
import "../components/missions-locales/missions-locales.css";
import type { DownloadFormat } from "../download";
import { formatDate } from "../format";
import { exportJeunesEnRupture, getJeunesEnRupture, useMissionLocaleLive } from "../queries-mission-locale";
import { useUser } from "../session";

const PAGE_SIZE = 50;

/** A Mission Locale's worklist (SPEC §10): the apprentices in rupture who live in its zone, live. */
export default function JeunesEnRupture() {
  const user = useUser();
  return (
    <div class="fr-container fr-my-4w">
      <h1 class="fr-h3">Jeunes en rupture</h1>
      <Show
        when={user().organisationType === "MISSION_LOCALE"}
        fallback={
          <div class="fr-alert fr-alert--info">
            <p>Cette page est réservée aux Missions Locales.</p>
          </div>
        }
      >
        <ListeJeunes />
      </Show>
    </div>
  );
}

/** The tab, the filters and the page live in the address: a reload or the back button finds them again. */
type Params = Partial<Record<FiltreJeunes | "onglet" | "page", string>>;

function ListeJeunes() {
  const [params, setParams] = useSearchParams<Params>();
  const onglet = (): OngletRupture =>
    (ONGLETS_RUPTURE as readonly string[]).includes(params.onglet ?? "")
      ? (params.onglet as OngletRupture)
      : "rupturants";
  const page = () => Math.max(1, Number(params.page) || 1);
  const filtres = () => Object.fromEntries(FILTRES_JEUNES.map((f) => [f, params[f]])) as Params;
  const requete = () => ({ onglet: onglet(), ...filtres(), page: page(), taille: PAGE_SIZE });
  const liste = createAsync(() => getJeunesEnRupture(requete()));
  // A push breaking or signing a contract in the zone, a follow-up change, a signalement: the page follows.
  const live = useMissionLocaleLive();
  const [ouvert, setOuvert] = createSignal<string | null>(null);
  const total = () => liste.latest?.total ?? 0;
  const pages = () => liste.latest?.pages ?? 1;

  const choisirOnglet = (o: OngletRupture, focus = false) => {
    setParams({ onglet: o === "rupturants" ? undefined : o, page: undefined });
    if (focus) document.getElementById(`onglet-${o}`)?.focus();
  };
  const clavierOnglets = (event: KeyboardEvent, o: OngletRupture) => {
    const i = ONGLETS_RUPTURE.indexOf(o);
    const n = ONGLETS_RUPTURE.length;
    const cible =
      event.key === "ArrowRight"
        ? ONGLETS_RUPTURE[(i + 1) % n]
        : event.key === "ArrowLeft"
          ? ONGLETS_RUPTURE[(i + n - 1) % n]
          : event.key === "Home"
            ? ONGLETS_RUPTURE[0]
            : event.key === "End"
              ? ONGLETS_RUPTURE[n - 1]
              : null;
    if (!cible) return;
    event.preventDefault();
    choisirOnglet(cible, true);
  };
  const download = async (format: DownloadFormat) =>
    fichierJeunes(await exportJeunesEnRupture(requete(), format), format);

  return (
    <QueryBoundary queries={[liste]}>
      <Suspense fallback={<p>Chargement…</p>}>
        <Show when={liste.latest?.missionLocale}>
          {(ml) => (
            <p class="fr-text--lead fr-mb-1w" id="mission-locale-nom">
              {ml().nom}
              <span class="fr-text--sm fr-text--regular"> — au {formatDate(liste.latest?.aujourdhui)}</span>
            </p>
          )}
        </Show>
        <EtatDirect live={live} />
        <p class="fr-text--sm">
          Les apprentis dont le contrat est rompu, âgés de 16 à 25 ans (ou reconnus travailleurs handicapés, quel que
          soit leur âge) et domiciliés dans votre zone. Les jeunes signalés par leur CFA sont en tête de liste.{" "}
          <A href="/tableau-de-bord">Voir le tableau de bord</A>
        </p>

        <section aria-labelledby="compteurs-etats-titre" class="fr-mb-3w">
          <h2 id="compteurs-etats-titre" class="fr-h6 fr-mb-1w">
            Suivi des jeunes en rupture
          </h2>
          <ul class="compteurs-etats" id="compteurs-etats">
            <For each={ETATS_SUIVI}>
              {(etat) => (
                <li>
                  <button
                    type="button"
                    class="compteur-etat"
                    data-etat={etat}
                    aria-pressed={params.etat === etat}
                    onClick={() =>
                      setParams({
                        etat: params.etat === etat ? undefined : etat,
                        onglet: undefined,
                        page: undefined,
                      })
                    }
                  >
                    <span class="compteur-etat__nombre">{liste.latest?.etats[etat] ?? 0}</span>
                    <span class="compteur-etat__label">{ETAT_SUIVI_LABELS[etat]}</span>
                  </button>
                </li>
              )}
            </For>
          </ul>
        </section>

        <div class="fr-tabs jeunes-onglets">
          <ul class="fr-tabs__list" role="tablist" aria-label="Listes des jeunes">
            <For each={ONGLETS_RUPTURE}>
              {(o) => (
                <li role="presentation">
                  <button
                    type="button"
                    class="fr-tabs__tab"
                    id={`onglet-${o}`}
                    role="tab"
                    tabindex={onglet() === o ? 0 : -1}
                    aria-selected={onglet() === o}
                    aria-controls={`panneau-${o}`}
                    onClick={() => choisirOnglet(o)}
                    onKeyDown={(e) => clavierOnglets(e, o)}
                  >
                    {ONGLET_LABELS[o]} ({liste.latest?.onglets[o] ?? 0})
                  </button>
                </li>
              )}
            </For>
          </ul>
          <For each={ONGLETS_RUPTURE}>
            {(o) => (
              <div
                id={`panneau-${o}`}
                class="fr-tabs__panel"
                classList={{ "fr-tabs__panel--selected": onglet() === o }}
                role="tabpanel"
                aria-labelledby={`onglet-${o}`}
                tabindex={onglet() === o ? 0 : -1}
              >
                <Show when={onglet() === o}>
                  <FiltresJeunes
                    valeurs={filtres()}
                    communes={liste.latest?.communes ?? []}
                    cfas={liste.latest?.cfas ?? []}
                    onChange={(filtre, valeur) =>
                      setParams({ [filtre]: valeur || undefined, page: undefined }, { replace: true })
                    }
                    onReset={() =>
                      setParams(Object.fromEntries([...FILTRES_JEUNES, "page"].map((k) => [k, undefined])), {
                        replace: true,
                      })
                    }
                  />
                  <div class="fr-grid-row fr-grid-row--middle fr-mb-1w">
                    <p class="fr-col fr-text--lead fr-mb-0" id="nombre-jeunes" aria-live="polite">
                      {jeunes(total())}
                    </p>
                    <DownloadButtons label="Télécharger la liste" file={download} />
                  </div>
                  <TableJeunes jeunes={liste.latest?.jeunes} onglet={o} onOuvrir={(j) => setOuvert(j.effectifId)} />
                  <Pagination
                    page={liste.latest?.page ?? page()}
                    pages={pages()}
                    label="Pagination des jeunes"
                    onPage={(n) => setParams({ page: n > 1 ? String(Math.min(n, pages())) : undefined })}
                  />
                </Show>
              </div>
            )}
          </For>
        </div>
        <DetailJeune
          effectifId={ouvert()}
          aujourdhui={liste.latest?.aujourdhui ?? ""}
          onClose={() => setOuvert(null)}
        />
      </Suspense>
    </QueryBoundary>
  );
}
