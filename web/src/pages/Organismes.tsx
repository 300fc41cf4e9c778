import { createAsync, useSearchParams } from "@solidjs/router";
import { Show, Suspense } from "solid-js";
import { isAdministrator } from "../../../worker/domain/administrateur";
import type { Me } from "../../../worker/domain/comptes";
import { DEFINITION_PERIMETRE } from "../../../worker/domain/indicateurs-territoire";
import {
  ORGANISATIONS_TERRITORIALES,
  TRIS_ORGANISMES,
  type TriOrganismes,
} from "../../../worker/domain/perimetre-organismes";
import { Counters } from "../components/dashboard/Counters";
import { DownloadButtons } from "../components/DownloadButtons";
import { QueryBoundary } from "../components/Errors";
import { EtatDirect } from "../components/EtatDirect";
import { Pagination } from "../components/Pagination";
import { Couverture } from "../components/organismes/Couverture";
import { fichierOrganismes } from "../components/organismes/fichier";
import { FILTRES, FiltresOrganismes, type Filtre } from "../components/organismes/FiltresOrganismes";
import { TableOrganismes, type Sens } from "../components/organismes/TableOrganismes";
import "../components/indicateurs/indicateurs.css";
import "../components/organismes/organismes.css";
import type { DownloadFormat } from "../download";
import { formatDate } from "../format";
import { usePerimetreLive } from "../live";
import { getIndicateursTerritoire } from "../queries";
import { exportOrganismesDuPerimetre, getOrganismesDuPerimetre } from "../queries-perimetre";
import { useUser } from "../session";

const PAGE_SIZE = 50;

const voitUnPerimetre = (user: Me) =>
  isAdministrator(user) || ORGANISATIONS_TERRITORIALES.includes(user.organisationType);

const titre = (user: Me) =>
  isAdministrator(user)
    ? "Organismes de France"
    : user.organisationType === "RESEAU"
      ? "Organismes de votre réseau"
      : "Organismes de votre territoire";

/** Réseaux, opérateurs publics and administrators: every organisme of their perimeter (issue 9, item 2). */
export default function Organismes() {
  const user = useUser();
  return (
    <div class="fr-container fr-my-4w">
      <h1 class="fr-h3">{voitUnPerimetre(user()) ? titre(user()) : "Organismes"}</h1>
      <Show
        when={voitUnPerimetre(user())}
        fallback={
          <div class="fr-alert fr-alert--info">
            <p>La liste des organismes est réservée aux réseaux, aux opérateurs publics et aux administrateurs.</p>
          </div>
        }
      >
        <OrganismesDuPerimetre />
      </Show>
    </div>
  );
}

/** The table's state lives in the address: the browser's back button, after an organisme's page, finds it again. */
type Params = Partial<Record<Filtre | "recherche" | "tri" | "sens" | "page", string>>;

function OrganismesDuPerimetre() {
  const [params, setParams] = useSearchParams<Params>();
  const tri = (): TriOrganismes =>
    (TRIS_ORGANISMES as readonly string[]).includes(params.tri ?? "") ? (params.tri as TriOrganismes) : "nom";
  const sens = (): Sens => (params.sens === "desc" ? "desc" : "asc");
  const page = () => Math.max(1, Number(params.page) || 1);
  const filtres = () => ({
    recherche: params.recherche,
    ...Object.fromEntries(FILTRES.map((filtre) => [filtre, params[filtre]])),
  });
  const requete = () => ({ ...filtres(), tri: tri(), sens: sens(), page: page(), taille: PAGE_SIZE });

  const liste = createAsync(() => getOrganismesDuPerimetre(requete()));
  const compteurs = createAsync(() => getIndicateursTerritoire());
  // A push, an import or a connection step of one of its organismes refreshes the page.
  const live = usePerimetreLive();
  const pages = () => Math.max(1, Math.ceil((liste.latest?.total ?? 0) / PAGE_SIZE));

  const download = async (format: DownloadFormat) =>
    fichierOrganismes((await exportOrganismesDuPerimetre(requete(), format)).rows, format);

  return (
    <>
      <EtatDirect live={live} />
      <QueryBoundary queries={[compteurs]}>
        <Show when={compteurs.latest}>
          {(t) => (
            <section aria-labelledby="compteurs-titre" class="fr-mb-4w">
              <h2 id="compteurs-titre" class="fr-h4">
                Effectifs du périmètre <span class="fr-text--regular">(année scolaire {t().anneeScolaire})</span>
              </h2>
              <Counters indicateurs={t().indicateurs} />
              <p class="fr-text--sm fr-mt-1w" id="definition-perimetre">
                {DEFINITION_PERIMETRE} {t().organismes} organisme{t().organismes > 1 ? "s" : ""} fiable
                {t().organismes > 1 ? "s" : ""} pris en compte, au {formatDate(t().date)}.
              </p>
            </section>
          )}
        </Show>
      </QueryBoundary>
      <QueryBoundary queries={[liste]}>
        <Suspense fallback={<p>Chargement…</p>}>
          <Show when={liste.latest}>{(l) => <Couverture couverture={l().couverture} />}</Show>
          <section aria-labelledby="liste-titre">
            <h2 id="liste-titre" class="fr-h4">
              Liste des organismes
            </h2>
            <FiltresOrganismes
              valeurs={filtres()}
              departements={liste.latest?.couverture.departements ?? []}
              erps={liste.latest?.erps ?? []}
              onChange={(filtre, valeur) =>
                setParams({ [filtre]: valeur || undefined, page: undefined }, { replace: true })
              }
              onReset={() =>
                setParams(Object.fromEntries([...FILTRES, "recherche", "page"].map((k) => [k, undefined])), {
                  replace: true,
                })
              }
            />
            <div class="fr-grid-row fr-grid-row--middle fr-mb-1w">
              <p class="fr-col fr-text--lead fr-mb-0" id="nombre-organismes" aria-live="polite">
                {liste.latest?.total ?? 0} organisme{(liste.latest?.total ?? 0) > 1 ? "s" : ""}
              </p>
              <DownloadButtons label="Télécharger la liste" file={download} />
            </div>
            <p class="fr-text--sm">
              Les compteurs de chaque organisme sont ceux de son tableau de bord : ses effectifs et ceux de ses
              organismes formateurs, à la date d'aujourd'hui.
            </p>
            <TableOrganismes
              rows={liste.latest?.rows}
              tri={tri()}
              sens={sens()}
              onTri={(colonne, s) => setParams({ tri: colonne, sens: s, page: undefined })}
            />
            <Pagination
              page={page()}
              pages={pages()}
              label="Pagination des organismes"
              onPage={(n) => setParams({ page: n > 1 ? String(Math.min(n, pages())) : undefined })}
            />
          </section>
        </Suspense>
      </QueryBoundary>
    </>
  );
}
