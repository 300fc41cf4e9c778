import { createAsync, useSearchParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { STATUTS_COMPTE, type StatutCompte, type UtilisateurAdmin } from "../../../../worker/domain/administration";
import { detailOrganisation, ORGANISATION_TYPES } from "../../components/administration/organisation";
import { FormError } from "../../components/comptes/Field";
import { BoutonAvecConfirmation } from "../../components/ConfirmationModale";
import { QueryBoundary } from "../../components/Errors";
import { Pagination } from "../../components/Pagination";
import { useForm } from "../../forms";
import { formatDate } from "../../format";
import { changerStatut, getUtilisateurs } from "../../queries-administration";
import { useUser } from "../../session";
import { DsfrTable } from "../../components/DsfrTable";
import { CellulePersonne } from "../../components/administration/CellulePersonne";

const BADGES: Record<StatutCompte, string> = {
  pending: "fr-badge--new",
  active: "fr-badge--success",
  disabled: "fr-badge--error",
};

const MESSAGES = {
  valider: "est validé",
  refuser: "est refusé",
  desactiver: "est désactivé : ses sessions sont fermées",
  reactiver: "est réactivé",
} as const;

/** Every user: search (e-mail, name, organisation, UAI/SIRET), status, and the decisions on each account. */
export default function Utilisateurs() {
  const me = useUser();
  const [params, setParams] = useSearchParams<{ q?: string; statut?: string; page?: string }>();
  const [q, setQ] = createSignal(params.q ?? "");
  const page = () => Math.max(1, Number(params.page) || 1);
  const resultats = createAsync(() => getUtilisateurs({ q: params.q, statut: params.statut, page: page() }));
  const decision = useForm(changerStatut);
  const message = () => {
    const result = decision.submission.result;
    if (!result) return null;
    const { utilisateur, choix } = result;
    return `Le compte de ${utilisateur.prenom} ${utilisateur.nom} ${MESSAGES[choix]}.`;
  };
  const decide = (u: UtilisateurAdmin, choix: keyof typeof MESSAGES) => void decision.submit(u, choix);

  return (
    <div>
      <h1>Utilisateurs</h1>
      <form
        class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mb-2w"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ q: q().trim() || undefined, page: undefined });
        }}
      >
        <div class="fr-col-12 fr-col-md-6">
          <div class="fr-input-group">
            <label class="fr-label" for="recherche-utilisateur">
              Rechercher
              <span class="fr-hint-text">E-mail, nom, organisation, UAI ou SIRET</span>
            </label>
            <input
              class="fr-input"
              id="recherche-utilisateur"
              type="search"
              value={q()}
              onInput={(e) => setQ(e.currentTarget.value)}
            />
          </div>
        </div>
        <div class="fr-col-12 fr-col-md-3">
          <div class="fr-select-group">
            <label class="fr-label" for="filtre-statut">
              Statut
            </label>
            <select
              class="fr-select"
              id="filtre-statut"
              onChange={(e) => setParams({ statut: e.currentTarget.value || undefined, page: undefined })}
            >
              <option value="" selected={!params.statut}>
                Tous
              </option>
              <For each={Object.entries(STATUTS_COMPTE)}>
                {([value, label]) => (
                  <option value={value} selected={params.statut === value}>
                    {label}
                  </option>
                )}
              </For>
            </select>
          </div>
        </div>
        <div class="fr-col-12 fr-col-md-3">
          <button type="submit" class="fr-btn fr-icon-search-line fr-btn--icon-left">
            Rechercher
          </button>
        </div>
      </form>
      <div aria-live="polite">
        <Show when={message()}>
          <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w">
            <p>{message()}</p>
          </div>
        </Show>
      </div>
      <FormError message={decision.error()?.message ?? null} />
      <QueryBoundary queries={[resultats]}>
        <Show when={resultats.latest} fallback={<p>Chargement…</p>}>
          {(data) => (
            <>
              <p id="nombre-utilisateurs">
                {data().total} utilisateur{data().total > 1 ? "s" : ""}
              </p>
              <DsfrTable caption="Utilisateurs" class="fr-table--no-caption table-scroll" tableId="table-utilisateurs">
                <thead>
                  <tr>
                    <th scope="col">Personne</th>
                    <th scope="col">E-mail</th>
                    <th scope="col">Organisation</th>
                    <th scope="col">Statut</th>
                    <th scope="col">Inscrit le</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={data().utilisateurs}>
                    {(u) => {
                      const nom = `${u.prenom} ${u.nom}`;
                      return (
                        <tr data-utilisateur={u.id}>
                          <CellulePersonne personne={u} />
                          <td>{u.email}</td>
                          <td>
                            {u.organisationLabel}
                            <br />
                            <span class="fr-text--xs">
                              {[ORGANISATION_TYPES[u.organisationType] ?? u.organisationType, detailOrganisation(u)]
                                .filter(Boolean)
                                .join(" · ")}
                            </span>
                          </td>
                          <td>
                            <p class={`fr-badge fr-badge--sm ${BADGES[u.status]}`}>{STATUTS_COMPTE[u.status]}</p>
                          </td>
                          <td>{formatDate(u.createdAt)}</td>
                          <td>
                            <ul class="fr-btns-group fr-btns-group--sm fr-btns-group--inline">
                              <Show when={u.status === "pending"}>
                                <li>
                                  <button
                                    type="button"
                                    class="fr-btn fr-btn--sm"
                                    disabled={decision.pending()}
                                    aria-label={`Valider le compte de ${nom}`}
                                    onClick={() => decide(u, "valider")}
                                  >
                                    Valider
                                  </button>
                                </li>
                                <li>
                                  <BoutonAvecConfirmation
                                    class="fr-btn fr-btn--sm fr-btn--tertiary"
                                    label="Refuser"
                                    ariaLabel={`Refuser la demande de ${nom}`}
                                    disabled={decision.pending()}
                                    titre={`Refuser la demande de ${nom} ?`}
                                    confirmer="Refuser la demande"
                                    onConfirm={() => decide(u, "refuser")}
                                  >
                                    <p>
                                      {nom} ({u.email}) ne pourra pas accéder au tableau de bord de{" "}
                                      {u.organisationLabel}. Un e-mail l'en informe.
                                    </p>
                                  </BoutonAvecConfirmation>
                                </li>
                              </Show>
                              <Show when={u.status === "active" && u.id !== me().id}>
                                <li>
                                  <BoutonAvecConfirmation
                                    class="fr-btn fr-btn--sm fr-btn--tertiary"
                                    label="Désactiver"
                                    ariaLabel={`Désactiver le compte de ${nom}`}
                                    disabled={decision.pending()}
                                    titre={`Désactiver le compte de ${nom} ?`}
                                    confirmer="Désactiver le compte"
                                    onConfirm={() => decide(u, "desactiver")}
                                  >
                                    <p>
                                      {nom} ({u.email}) ne pourra plus se connecter ; ses sessions ouvertes et ses
                                      tableaux de bord en direct sont fermés immédiatement.
                                    </p>
                                  </BoutonAvecConfirmation>
                                </li>
                              </Show>
                              <Show when={u.status === "disabled"}>
                                <li>
                                  <button
                                    type="button"
                                    class="fr-btn fr-btn--sm fr-btn--secondary"
                                    disabled={decision.pending()}
                                    aria-label={`Réactiver le compte de ${nom}`}
                                    onClick={() => decide(u, "reactiver")}
                                  >
                                    Réactiver
                                  </button>
                                </li>
                              </Show>
                            </ul>
                          </td>
                        </tr>
                      );
                    }}
                  </For>
                </tbody>
              </DsfrTable>
              <Pagination
                page={data().page}
                pages={Math.ceil(data().total / data().taille)}
                label="Pages des utilisateurs"
                onPage={(p) => setParams({ page: p > 1 ? String(p) : undefined })}
              />
            </>
          )}
        </Show>
      </QueryBoundary>
    </div>
  );
}
