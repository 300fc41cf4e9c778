import { createAsync, useSubmission } from "@solidjs/router";
import { For, Show } from "solid-js";
import { isAdministrator } from "../../../worker/domain/administrateur";
import type { CompteEnAttente } from "../../../worker/domain/comptes";
import { deciderCompte } from "../actions";
import { detailOrganisation } from "../components/administration/organisation";
import { FormError } from "../components/comptes/Field";
import { BoutonAvecConfirmation } from "../components/ConfirmationModale";
import { QueryBoundary } from "../components/Errors";
import { useForm } from "../forms";
import { formatDate } from "../format";
import { getComptesEnAttente } from "../queries";
import { useUser } from "../session";
import { DsfrTable } from "../components/DsfrTable";
import { CellulePersonne } from "../components/administration/CellulePersonne";

/**
 * Validation of the accounts waiting for it: colleagues see their organisation's, administrators every one, each with
 * what names its organisation (UAI/SIRET, territory, réseau, Mission Locale). In AdminLayout's container.
 */
export default function Administration() {
  const user = useUser();
  const isAdmin = () => isAdministrator(user());
  const comptes = createAsync(() => getComptesEnAttente());
  const decision = useForm(deciderCompte);
  const message = () => {
    const result = decision.submission.result;
    if (!result) return null;
    const { compte } = result;
    return result.decision === "valider"
      ? `Le compte de ${compte.prenom} ${compte.nom} est validé. Un e-mail l'en informe.`
      : `La demande de ${compte.prenom} ${compte.nom} est refusée. Un e-mail l'en informe.`;
  };
  const decide = (compte: CompteEnAttente, choix: "valider" | "refuser") => void decision.submit(compte, choix);

  return (
    <div>
      <h1>Comptes en attente de validation</h1>
      <p>
        {isAdmin()
          ? "En tant qu'administrateur, vous validez les demandes de toutes les organisations."
          : "Ces personnes demandent à rejoindre votre organisation. Validez uniquement celles que vous connaissez."}
      </p>
      <div aria-live="polite">
        <Show when={message()}>
          <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w">
            <p>{message()}</p>
          </div>
        </Show>
      </div>
      <FormError message={decision.error()?.message ?? null} />
      <QueryBoundary queries={[comptes]}>
        <Show when={comptes.latest} fallback={<p>Chargement…</p>}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p id="aucun-compte">Aucun compte en attente de validation.</p>}>
              <DsfrTable caption="Comptes en attente de validation" class="fr-table--no-caption table-scroll">
                <thead>
                  <tr>
                    <th scope="col">Personne</th>
                    <th scope="col">E-mail</th>
                    <th scope="col">Organisation</th>
                    <th scope="col">Demande du</th>
                    <th scope="col">Décision</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list()}>
                    {(compte) => {
                      // The row's buttons wait for its own decision only.
                      const envoi = useSubmission(deciderCompte, ([c]) => c.id === compte.id);
                      return (
                        <tr>
                          <CellulePersonne personne={compte} />
                          <td>{compte.email}</td>
                          <td>
                            {compte.organisationLabel}
                            <Show when={detailOrganisation(compte)}>
                              <br />
                              <span class="fr-text--xs">{detailOrganisation(compte)}</span>
                            </Show>
                          </td>
                          <td>{formatDate(compte.createdAt)}</td>
                          <td>
                            <ul class="fr-btns-group fr-btns-group--sm fr-btns-group--inline">
                              <li>
                                <button
                                  type="button"
                                  class="fr-btn fr-btn--sm"
                                  disabled={envoi.pending}
                                  onClick={() => decide(compte, "valider")}
                                  aria-label={`Valider le compte de ${compte.prenom} ${compte.nom}`}
                                >
                                  Valider
                                </button>
                              </li>
                              <li>
                                <BoutonAvecConfirmation
                                  class="fr-btn fr-btn--sm fr-btn--tertiary"
                                  label="Refuser"
                                  ariaLabel={`Refuser la demande de ${compte.prenom} ${compte.nom}`}
                                  disabled={envoi.pending}
                                  titre={`Refuser la demande de ${compte.prenom} ${compte.nom} ?`}
                                  confirmer="Refuser la demande"
                                  onConfirm={() => decide(compte, "refuser")}
                                >
                                  <p>
                                    {compte.prenom} {compte.nom} ({compte.email}) ne pourra pas accéder au tableau de
                                    bord de {compte.organisationLabel}. Un e-mail l'en informe.
                                  </p>
                                </BoutonAvecConfirmation>
                              </li>
                            </ul>
                          </td>
                        </tr>
                      );
                    }}
                  </For>
                </tbody>
              </DsfrTable>
            </Show>
          )}
        </Show>
      </QueryBoundary>
    </div>
  );
}
