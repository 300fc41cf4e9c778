import { createAsync } from "@solidjs/router";
import { createEffect, createMemo, createSignal, For, on, Show, type JSX } from "solid-js";
import { Counters } from "../dashboard/Counters";
import { EtatDirect } from "../EtatDirect";
import { QueryBoundary } from "../Errors";
import { Pagination } from "../Pagination";
import { EvolutionChart } from "./EvolutionChart";
import { ListeNominativePerimetre } from "./ListeNominativePerimetre";
import { TableDepartements } from "./TableDepartements";
import { TableFormations } from "./TableFormations";
import { TableOrganismesPerimetre } from "./TableOrganismesPerimetre";
import { BoutonVoirLaListe, focusBoutonListe } from "./BoutonsVoirLaListe";
import { DateIndicateurs } from "./DateIndicateurs";
import "./indicateurs.css";
import { formatDate } from "../../format";
import { usePerimetreLive } from "../../live";
import { getTerritoires } from "../../queries";
import {
  getDepartementsPerimetre,
  getEvolutionPerimetre,
  getFormationsPerimetre,
  getIndicateursPerimetre,
  getOrganismesPerimetre,
  type FiltresPerimetre,
} from "../../queries-indicateurs-perimetre";
import { isAdministrator } from "../../../../worker/domain/administrateur";
import { anneeScolaireOf } from "../../../../worker/domain/annee-scolaire";
import type { Me } from "../../../../worker/domain/comptes";
import { todayParis } from "../../../../worker/domain/dates";
import { CHOISIR_UN_TERRITOIRE, DEFINITION_PERIMETRE } from "../../../../worker/domain/indicateurs-territoire";
import type { Indicateur } from "../../../../worker/domain/indicators";

const PAGE_SIZE = 20;

/** How many pages of PAGE_SIZE rows `total` rows make (at least one). */
const pages = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));

/** A select of territories, "all" first. */
function ChoixTerritoire(props: {
  id: string;
  label: string;
  tous: string;
  value: string | undefined;
  options: { code: string; nom: string }[];
  onChange: (code: string | undefined) => void;
}) {
  return (
    <div class="fr-select-group fr-col-12 fr-col-md-4">
      <label class="fr-label" for={props.id}>
        {props.label}
      </label>
      <select class="fr-select" id={props.id} onChange={(e) => props.onChange(e.currentTarget.value || undefined)}>
        <option value="" selected={!props.value}>
          {props.tous}
        </option>
        <For each={props.options}>
          {(o) => (
            <option value={o.code} selected={o.code === props.value}>
              {o.nom}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}

function Section(props: { id: string; titre: JSX.Element; children: JSX.Element }) {
  return (
    <section aria-labelledby={props.id} class="fr-mt-6w">
      <h2 class="fr-h4" id={props.id}>
        {props.titre}
      </h2>
      {props.children}
    </section>
  );
}

/**
 * Mes indicateurs of a réseau, an opérateur public or an administrator: the perimeter's counters at a date (narrowed
 * to a région or a département if asked), by département, organisme and formation, month by month, and the
 * nominative lists SPEC §8 allows them; kept up to date by the perimeter's live socket.
 */
export function IndicateursPerimetre(props: { user: Me }) {
  const [date, setDate] = createSignal(todayParis());
  const [region, setRegion] = createSignal<string>();
  const [departement, setDepartement] = createSignal<string>();
  const [liste, setListe] = createSignal<Indicateur | null>(null);
  const [pageOrganismes, setPageOrganismes] = createSignal(1);
  const [pageFormations, setPageFormations] = createSignal(1);
  const live = usePerimetreLive();

  const filtres = createMemo((): FiltresPerimetre => ({ region: region(), departement: departement() }));
  const compteurs = createAsync(() => getIndicateursPerimetre(filtres(), date()));
  const departements = createAsync(() => getDepartementsPerimetre(filtres(), date()));
  const organismes = createAsync(() => getOrganismesPerimetre(filtres(), date(), PAGE_SIZE, pageOrganismes()));
  // An administrator without a territory: the whole country, whose lists are read page by page, not downloaded.
  const national = () => isAdministrator(props.user) && !region() && !departement();
  const formations = createAsync(() => getFormationsPerimetre(filtres(), date(), PAGE_SIZE, pageFormations()));
  const evolution = createAsync(() => getEvolutionPerimetre(filtres(), anneeScolaireOf(date())));

  // The régions to choose from: administrators and réseaux only (an opérateur public has its own territory).
  const choisitRegion = () => isAdministrator(props.user) || props.user.organisationType === "RESEAU";
  const territoires = createAsync(async () => (choisitRegion() ? await getTerritoires() : undefined));
  // The départements to choose from: those of the perimeter (within the région chosen) that have learners.
  const choisitDepartement = () => props.user.organisationType !== "DDETS";
  const departementsPossibles = createAsync(async () =>
    choisitDepartement() ? await getDepartementsPerimetre({ region: region() }, date()) : undefined,
  );

  // Another date or territory: the paged tables start again at their first page.
  createEffect(
    on(
      [filtres, date],
      () => {
        setPageOrganismes(1);
        setPageFormations(1);
      },
      { defer: true },
    ),
  );

  const perimetre = () =>
    isAdministrator(props.user)
      ? "au niveau national"
      : props.user.organisationType === "RESEAU"
        ? "de votre réseau"
        : "de votre territoire";
  const closeListe = (key: Indicateur) => {
    setListe(null);
    focusBoutonListe(key);
  };

  return (
    <>
      <EtatDirect live={live} />
      <div class="fr-grid-row fr-grid-row--gutters">
        <DateIndicateurs value={date()} onChange={setDate} />
        <Show when={territoires.latest}>
          {(t) => (
            <ChoixTerritoire
              id="region-indicateurs"
              label="Région"
              tous="Toutes les régions"
              value={region()}
              options={t().regions}
              onChange={(code) => {
                setDepartement(undefined);
                setRegion(code);
              }}
            />
          )}
        </Show>
        <Show when={departementsPossibles.latest}>
          {(d) => (
            <ChoixTerritoire
              id="departement-indicateurs"
              label="Département"
              tous="Tous les départements"
              value={departement()}
              options={d().departements.flatMap((x) => (x.departement ? [{ code: x.departement, nom: x.nom }] : []))}
              onChange={setDepartement}
            />
          )}
        </Show>
      </div>

      <QueryBoundary queries={[compteurs]}>
        <section aria-labelledby="compteurs-titre" class="fr-mt-2w">
          <h2 class="fr-h4" id="compteurs-titre">
            Effectifs {perimetre()} au {formatDate(date())}{" "}
            <span class="fr-text--regular">(année scolaire {anneeScolaireOf(date())})</span>
          </h2>
          <Show when={compteurs.latest} fallback={<p>Chargement…</p>}>
            {(c) => (
              <>
                <p>
                  {c().organismes} organisme{c().organismes > 1 ? "s" : ""} fiable{c().organismes > 1 ? "s" : ""} pris
                  en compte.
                </p>
                <Counters
                  indicateurs={c().indicateurs}
                  pied={(key) => (
                    <BoutonVoirLaListe
                      indicateur={key}
                      ouverte={liste()}
                      onChange={setListe}
                      permise={c().listes.includes(key)}
                    />
                  )}
                />
                <p class="fr-text--sm fr-mt-2w">{DEFINITION_PERIMETRE}</p>
                <Show when={national()}>
                  <p class="fr-text--sm">{CHOISIR_UN_TERRITOIRE}</p>
                </Show>
                <Show when={c().listes.length === 0}>
                  <p class="fr-text--sm">
                    Les listes nominatives sont réservées aux opérateurs publics, aux réseaux responsables et aux
                    administrateurs.
                  </p>
                </Show>
              </>
            )}
          </Show>
          <Show when={liste()}>
            {(indicateur) => (
              <ListeNominativePerimetre
                filtres={filtres()}
                indicateur={indicateur()}
                date={date()}
                onClose={() => closeListe(indicateur())}
              />
            )}
          </Show>
        </section>
      </QueryBoundary>

      <Section id="departements-titre" titre="Par département">
        <QueryBoundary queries={[departements]}>
          <Show when={departements.latest} fallback={<p>Chargement…</p>}>
            {(d) => <TableDepartements data={d()} />}
          </Show>
        </QueryBoundary>
      </Section>

      <Section id="organismes-titre" titre="Par organisme">
        <QueryBoundary queries={[organismes]}>
          <Show when={organismes.latest} fallback={<p>Chargement…</p>}>
            {(o) => (
              <>
                <p class="fr-text--sm">
                  Chaque organisme avec ses propres apprenants, hors ceux de ses formateurs :{" "}
                  {o().total > 1 ? `${o().total} organismes ont` : `${o().total} organisme a`} des apprenants à cette
                  date.
                </p>
                <TableOrganismesPerimetre data={o()} />
                <Pagination
                  page={pageOrganismes()}
                  pages={pages(o().total)}
                  label="Pagination des organismes"
                  onPage={setPageOrganismes}
                />
              </>
            )}
          </Show>
        </QueryBoundary>
      </Section>

      <Section id="formations-titre" titre="Par formation">
        <QueryBoundary queries={[formations]}>
          <Show when={formations.latest} fallback={<p>Chargement…</p>}>
            {(f) => (
              <>
                <TableFormations data={f()} />
                <Pagination
                  page={pageFormations()}
                  pages={pages(f().total)}
                  label="Pagination des formations"
                  onPage={setPageFormations}
                />
              </>
            )}
          </Show>
        </QueryBoundary>
      </Section>

      <Section
        id="evolution-section-titre"
        titre={
          <>
            Évolution mois par mois <span class="fr-text--regular">(année scolaire {anneeScolaireOf(date())})</span>
          </>
        }
      >
        <QueryBoundary queries={[evolution]}>
          <Show when={evolution.latest} fallback={<p>Chargement…</p>}>
            {(e) => <EvolutionChart data={e()} />}
          </Show>
        </QueryBoundary>
      </Section>
    </>
  );
}
