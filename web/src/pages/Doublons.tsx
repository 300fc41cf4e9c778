import { A, createAsync } from "@solidjs/router";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { FilAriane, TABLEAU_DE_BORD } from "../components/FilAriane";
import { BoutonAvecConfirmation } from "../components/ConfirmationModale";
import { QueryBoundary } from "../components/Errors";
import { Pagination } from "../components/Pagination";
import { FormError } from "../components/comptes/Field";
import { EtatDirect } from "../components/EtatDirect";
import { formatDate, formatDateTime } from "../format";
import { useForm } from "../forms";
import { resoudreDoublon } from "../actions-effectifs";
import { useOrganismeLive } from "../live";
import { getDoublons } from "../queries";
import { useUser } from "../session";
import type { DossierDoublon, DoublonATraiter } from "../../../worker/domain/doublons";

const PAGE_SIZE = 10;

export const MES_EFFECTIFS = { label: "Mes effectifs", href: "/effectifs" };

export default function Doublons() {
  const user = useUser();
  return (
    <div class="fr-container fr-my-4w">
      <FilAriane parents={[TABLEAU_DE_BORD, MES_EFFECTIFS]} page="Doublons" />
      <h1 class="fr-h3">Doublons</h1>
      <Switch
        fallback={
          <div class="fr-alert fr-alert--info">
            <p>Les doublons concernent les organismes de formation.</p>
          </div>
        }
      >
        <Match when={user().organismeId}>{(id) => <ListeDoublons organismeId={id()} />}</Match>
      </Switch>
    </div>
  );
}

function ListeDoublons(props: { organismeId: string }) {
  const [page, setPage] = createSignal(1);
  const live = useOrganismeLive(props.organismeId);
  const doublons = createAsync(() => getDoublons(props.organismeId, page(), PAGE_SIZE));
  const pages = () => Math.max(1, Math.ceil((doublons.latest?.total ?? 0) / PAGE_SIZE));
  return (
    <QueryBoundary queries={[doublons]}>
      <EtatDirect live={live} />
      <p>
        Le même apprenant (même nom, prénom et date de naissance) apparaît dans deux dossiers de la même année scolaire,
        dans votre organisme ou ses organismes formateurs : transmis par votre ERP et par fichier, ou sous deux
        identifiants. Gardez le bon dossier, ou indiquez que ce sont deux personnes.
      </p>
      <p class="fr-text--lead" id="nombre-doublons" aria-live="polite">
        {doublonsATraiter(doublons.latest?.total ?? 0)}
      </p>
      <Show when={doublons.latest}>
        {(d) => (
          <Show
            when={d().doublons.length > 0}
            fallback={
              <div class="fr-alert fr-alert--success fr-alert--sm">
                <p>
                  Aucun doublon à traiter. <A href="/effectifs">Retour à mes effectifs</A>
                </p>
              </div>
            }
          >
            <ul class="doublons-liste" aria-label="Doublons à traiter">
              <For each={d().doublons}>
                {(doublon) => (
                  <li>
                    <Paire organismeId={props.organismeId} doublon={doublon} />
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <Pagination page={page()} pages={pages()} label="Pagination des doublons" onPage={setPage} />
    </QueryBoundary>
  );
}

export const doublonsATraiter = (n: number) =>
  n === 0 ? "Aucun doublon à traiter" : `${n} doublon${n > 1 ? "s" : ""} à traiter`;

const libelleApprenant = (d: DossierDoublon) => `${d.nom} ${d.prenom}`;

function Paire(props: { organismeId: string; doublon: DoublonATraiter }) {
  const pair = (): [string, string] => [props.doublon.a.id, props.doublon.b.id];
  const form = useForm(resoudreDoublon, ([organismeId, effectifs]) => {
    return organismeId === props.organismeId && effectifs[0] === pair()[0] && effectifs[1] === pair()[1];
  });
  const titreId = () => `doublon-${props.doublon.a.id}-${props.doublon.b.id}`;
  return (
    <section class="fr-card fr-p-3w fr-mb-3w doublon" aria-labelledby={titreId()} data-doublon={pair().join("+")}>
      <h2 class="fr-h5 fr-mb-1w" id={titreId()}>
        {libelleApprenant(props.doublon.a)}, né(e) le {formatDate(props.doublon.a.dateDeNaissance)}
      </h2>
      <p class="fr-text--sm fr-mb-2w">
        <span class="fr-badge fr-badge--warning fr-badge--sm fr-mr-1w">Doublon suspecté</span>
        {props.doublon.raison} ({props.doublon.anneeScolaire}), détecté le {formatDateTime(props.doublon.detecteAt)}.
      </p>
      <FormError message={form.error()?.message ?? null} />
      <div class="fr-grid-row fr-grid-row--gutters">
        <Dossier organismeId={props.organismeId} dossier={props.doublon.a} autre={props.doublon.b} pair={pair()} />
        <Dossier organismeId={props.organismeId} dossier={props.doublon.b} autre={props.doublon.a} pair={pair()} />
      </div>
      <div class="fr-mt-2w">
        <button
          type="button"
          class="fr-btn fr-btn--tertiary fr-btn--sm"
          disabled={form.pending()}
          onClick={() => void form.submit(props.organismeId, pair())}
        >
          Ce n'est pas un doublon
        </button>
      </div>
    </section>
  );
}

const SOURCES: Record<string, string> = { erp: "ERP", fichier: "Fichier" };

function Dossier(props: {
  organismeId: string;
  dossier: DossierDoublon;
  autre: DossierDoublon;
  pair: [string, string];
}) {
  const form = useForm(
    resoudreDoublon,
    ([organismeId, effectifs, conserver]) =>
      organismeId === props.organismeId && effectifs[0] === props.pair[0] && conserver === props.dossier.id,
  );
  const d = () => props.dossier;
  return (
    <div class="fr-col-12 fr-col-md-6">
      <div class="doublon-dossier fr-p-2w" data-source={d().source}>
        <dl>
          <Ligne label="Source" valeur={SOURCES[d().source] ?? d().source} />
          <Ligne label="Identifiant ERP" valeur={d().idErpApprenant} />
          <Ligne label="Organisme formateur" valeur={d().organisme} />
          <Ligne label="Formation" valeur={d().formation ?? "—"} />
          <Ligne label="Statut sur TBA" valeur={d().statut ?? "—"} />
          <Ligne label="Dernière mise à jour" valeur={formatDateTime(d().majLe)} />
        </dl>
        <Show
          when={props.autre.supprimable}
          fallback={
            <p class="fr-text--sm fr-mb-0 fr-text-mention--grey">
              L'autre dossier est transmis par votre ERP : il vous l'enverrait à nouveau. Pour garder celui-ci,
              supprimez l'autre dans votre ERP.
            </p>
          }
        >
          <BoutonAvecConfirmation
            class="fr-btn fr-btn--sm"
            label="Garder celui-ci"
            ariaLabel={`Garder celui-ci : le dossier ${d().idErpApprenant} (${SOURCES[d().source] ?? d().source})`}
            disabled={form.pending()}
            titre="Supprimer l'autre dossier ?"
            confirmer="Garder celui-ci et supprimer l'autre"
            onConfirm={() => void form.submit(props.organismeId, props.pair, d().id)}
          >
            <p>
              Le dossier {props.autre.idErpApprenant} ({SOURCES[props.autre.source] ?? props.autre.source}) de{" "}
              {libelleApprenant(props.autre)} sera supprimé du tableau de bord et de vos indicateurs. Le dossier{" "}
              {d().idErpApprenant} est conservé.
            </p>
            <p>Les données du dossier supprimé restent consignées dans le journal de votre organisme.</p>
          </BoutonAvecConfirmation>
        </Show>
      </div>
    </div>
  );
}

function Ligne(props: { label: string; valeur: string }) {
  return (
    <div class="fr-mb-1v">
      <dt class="fr-text--bold fr-text--sm fr-mb-0">{props.label}</dt>
      <dd class="fr-ml-0">{props.valeur}</dd>
    </div>
  );
}
